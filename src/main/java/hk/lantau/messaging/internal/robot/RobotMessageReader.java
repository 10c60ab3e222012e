package hk.lantau.messaging.internal.robot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.messaging.MessageContent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a robot call's JSON body into a {@link RobotMessage}, leniently as DingTalk's old SDK
 * needs: scalars may come as strings ({@code "btnOrientation":"1"}, {@code "isAtAll":"true"}),
 * lists as comma-separated strings, and nested objects as JSON text.
 */
final class RobotMessageReader {

    /** DingTalk's limit on a robot message. */
    static final int MAX_BYTES = 20000;
    static final int MAX_AT = 50;
    static final int MAX_UUID = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    private RobotMessageReader() {
    }

    static RobotMessage read(byte[] body, boolean tooLarge) {
        if (tooLarge || body.length > MAX_BYTES) {
            throw new RobotRefusal(RobotRefusal.TOO_LONG, "message too long, exceed " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw new RobotRefusal(RobotRefusal.MISSING_JSON, "missing json");
        }
        String type = scalar(root, "msgtype");
        if (type == null || type.isBlank()) {
            throw RobotRefusal.invalid("msgtype is required");
        }
        MessageContent content = switch (type.strip()) {
            case "text" -> new MessageContent.Text(required(object(root, "text"), "text.content", "content"));
            case "markdown" -> {
                JsonNode markdown = object(root, "markdown");
                yield new MessageContent.Markdown(required(markdown, "markdown.title", "title"),
                        required(markdown, "markdown.text", "text"));
            }
            case "link" -> {
                JsonNode link = object(root, "link");
                yield new MessageContent.Link(required(link, "link.title", "title"),
                        required(link, "link.text", "text"), required(link, "link.messageUrl", "messageUrl"),
                        scalar(link, "picUrl"));
            }
            case "actionCard" -> actionCard(object(root, "actionCard"));
            case "feedCard" -> feedCard(object(root, "feedCard"));
            default -> throw new RobotRefusal(RobotRefusal.UNSUPPORTED_TYPE, "unsupported msgtype");
        };
        JsonNode at = root.has("at") && !root.get("at").isNull() ? object(root, "at") : JSON.createObjectNode();
        List<String> mobiles = list(at, "atMobiles");
        List<String> userIds = list(at, "atUserIds");
        String msgUuid = scalar(root, "msgUuid");
        if (msgUuid != null && (msgUuid.isBlank() || msgUuid.length() > MAX_UUID)) {
            throw RobotRefusal.invalid("msgUuid must have 1 to " + MAX_UUID + " characters");
        }
        return new RobotMessage(content, searchable(content), mobiles, userIds, bool(at, "isAtAll"), msgUuid);
    }

    private static MessageContent actionCard(JsonNode card) {
        String title = required(card, "actionCard.title", "title");
        String text = required(card, "actionCard.text", "text");
        boolean horizontal = "1".equals(scalar(card, "btnOrientation"));
        String singleTitle = scalar(card, "singleTitle");
        String singleUrl = scalar(card, "singleURL");
        JsonNode buttons = array(card, "btns");
        if (singleTitle != null && !singleTitle.isBlank()) {
            if (singleUrl == null || singleUrl.isBlank()) {
                throw RobotRefusal.invalid("actionCard.singleURL is required with singleTitle");
            }
            return new MessageContent.ActionCard(title, text, singleTitle, singleUrl, List.of(), horizontal);
        }
        if (buttons == null || buttons.isEmpty()) {
            throw RobotRefusal.invalid("actionCard needs singleTitle and singleURL, or btns");
        }
        List<MessageContent.Button> list = new ArrayList<>();
        for (JsonNode button : buttons) {
            JsonNode node = asObject(button, "actionCard.btns");
            list.add(new MessageContent.Button(required(node, "actionCard.btns.title", "title"),
                    required(node, "actionCard.btns.actionURL", "actionURL")));
        }
        return new MessageContent.ActionCard(title, text, null, null, list, horizontal);
    }

    private static MessageContent feedCard(JsonNode card) {
        JsonNode links = array(card, "links");
        if (links == null || links.isEmpty()) {
            throw RobotRefusal.invalid("feedCard.links is required");
        }
        List<MessageContent.FeedLink> list = new ArrayList<>();
        for (JsonNode link : links) {
            JsonNode node = asObject(link, "feedCard.links");
            list.add(new MessageContent.FeedLink(required(node, "feedCard.links.title", "title"),
                    required(node, "feedCard.links.messageURL", "messageURL"), scalar(node, "picURL")));
        }
        return new MessageContent.FeedCard(list);
    }

    /** Everything a reader sees as text: keywords must appear somewhere in it. */
    static String searchable(MessageContent content) {
        if (content instanceof MessageContent.Text t) {
            return t.text();
        }
        if (content instanceof MessageContent.Markdown m) {
            return m.title() + "\n" + m.text();
        }
        if (content instanceof MessageContent.Link l) {
            return l.title() + "\n" + l.text();
        }
        if (content instanceof MessageContent.ActionCard a) {
            List<String> parts = new ArrayList<>(List.of(a.title(), a.text()));
            if (a.singleTitle() != null) {
                parts.add(a.singleTitle());
            }
            a.buttons().forEach(b -> parts.add(b.title()));
            return String.join("\n", parts);
        }
        if (content instanceof MessageContent.FeedCard f) {
            return String.join("\n", f.links().stream().map(MessageContent.FeedLink::title).toList());
        }
        return ((MessageContent.SystemNotice) content).text();
    }

    /** A nested object, also when the sender wrote it as JSON text. */
    private static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node != null && node.isTextual() && node.asText().strip().startsWith("{")) {
            node = parse(node.asText(), field);
        }
        if (node == null || !node.isObject()) {
            throw RobotRefusal.invalid(field + " is required");
        }
        return node;
    }

    private static JsonNode asObject(JsonNode node, String field) {
        if (!node.isObject()) {
            throw RobotRefusal.invalid(field + " must hold objects");
        }
        return node;
    }

    private static JsonNode array(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node != null && node.isTextual() && node.asText().strip().startsWith("[")) {
            node = parse(node.asText(), field);
        }
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw RobotRefusal.invalid(field + " must be a list");
        }
        return node;
    }

    private static JsonNode parse(String text, String field) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw RobotRefusal.invalid(field + " is not valid JSON");
        }
    }

    private static String required(JsonNode parent, String name, String field) {
        String value = scalar(parent, field);
        if (value == null || value.isBlank()) {
            throw RobotRefusal.invalid(name + " is required");
        }
        return value;
    }

    private static String scalar(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw RobotRefusal.invalid(field + " must be a string");
        }
        return node.asText();
    }

    private static boolean bool(JsonNode parent, String field) {
        String value = scalar(parent, field);
        return value != null && value.strip().equalsIgnoreCase("true");
    }

    /** A list of strings, from a JSON list or a comma-separated string, without blanks or repeats. */
    private static List<String> list(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        Set<String> values = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isValueNode()) {
                    throw RobotRefusal.invalid("at." + field + " must list strings");
                }
                values.add(item.asText().strip());
            }
        } else if (node.isValueNode()) {
            values.addAll(Arrays.stream(node.asText().split(",")).map(String::strip).toList());
        } else {
            throw RobotRefusal.invalid("at." + field + " must be a list");
        }
        values.remove("");
        return values.stream().limit(MAX_AT).toList();
    }
}
