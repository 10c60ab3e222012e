package hk.lantau.compat.web;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.messaging.MessageContent;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * DingTalk's {@code msg} object of work notifications and group chat ({@code {"msgtype":"text",
 * "text":{…}}}) as Lantau's message content. Text, markdown, link and action cards map one to one;
 * an {@code oa} card becomes a link card (or markdown without a link) of its title, content, form
 * and author. Lantau keeps no media files, so image, voice and file messages are refused.
 */
final class DingTalkMsg {

    private static final List<String> MEDIA = List.of("image", "voice", "file");

    private DingTalkMsg() {
    }

    static MessageContent content(JsonNode msg) {
        String type = text(msg, "msgtype", "msg");
        if (type == null) {
            throw DingTalkException.missingParameter("msg.msgtype");
        }
        if (MEDIA.contains(type)) {
            throw DingTalkException.business(400002, "msgtype " + type
                    + " is not supported: Lantau keeps no media files; send text, markdown, link, action_card or oa",
                    400, "invalidParameter");
        }
        JsonNode body = msg.get(type);
        String path = "msg." + type;
        if (body != null && body.isTextual()) {
            body = JsonText.parse(body.asText());
        }
        if (body == null || body.isNull()) {
            throw DingTalkException.missingParameter(path);
        }
        if (!body.isObject()) {
            throw DingTalkException.invalidParameter(path);
        }
        return switch (type) {
            case "text" -> new MessageContent.Text(text(body, "content", path));
            case "markdown" -> new MessageContent.Markdown(text(body, "title", path), text(body, "text", path));
            case "link" -> new MessageContent.Link(text(body, "title", path), text(body, "text", path),
                    text(body, "messageUrl", path), text(body, "picUrl", path));
            case "action_card" -> actionCard(body, path);
            case "oa" -> oa(body, path);
            default -> throw DingTalkException.business(400002, "msgtype " + type + " is not a message type", 400,
                    "invalidParameter");
        };
    }

    private static MessageContent actionCard(JsonNode card, String path) {
        JsonNode list = card.get("btn_json_list");
        if (list != null && list.isTextual()) {
            list = JsonText.parse(list.asText());
        }
        List<MessageContent.Button> buttons = null;
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw DingTalkException.invalidParameter(path + ".btn_json_list");
            }
            buttons = new ArrayList<>();
            for (JsonNode button : list) {
                if (!button.isObject()) {
                    throw DingTalkException.invalidParameter(path + ".btn_json_list");
                }
                buttons.add(new MessageContent.Button(text(button, "title", path + ".btn_json_list"),
                        text(button, "action_url", path + ".btn_json_list")));
            }
        }
        boolean horizontal = "1".equals(text(card, "btn_orientation", path));
        return new MessageContent.ActionCard(text(card, "title", path), text(card, "markdown", path),
                buttons == null ? text(card, "single_title", path) : null,
                buttons == null ? text(card, "single_url", path) : null, buttons, horizontal);
    }

    /** An OA card's words as a link card to its page, or as markdown when it has no page. */
    private static MessageContent oa(JsonNode oa, String path) {
        JsonNode body = oa.path("body");
        String title = text(body, "title", path + ".body");
        if (title == null || title.isBlank()) {
            title = text(oa.path("head"), "text", path + ".head");
        }
        StringJoiner lines = new StringJoiner("\n");
        String content = text(body, "content", path + ".body");
        if (content != null && !content.isBlank()) {
            lines.add(content);
        }
        for (JsonNode item : body.path("form")) {
            String key = text(item, "key", path + ".body.form");
            String value = text(item, "value", path + ".body.form");
            lines.add((key == null ? "" : key) + " " + (value == null ? "" : value));
        }
        JsonNode rich = body.path("rich");
        if (rich.isObject() && text(rich, "num", path + ".body.rich") != null) {
            String unit = text(rich, "unit", path + ".body.rich");
            lines.add(text(rich, "num", path + ".body.rich") + (unit == null ? "" : " " + unit));
        }
        String author = text(body, "author", path + ".body");
        if (author != null && !author.isBlank()) {
            lines.add(author);
        }
        String url = text(oa, "message_url", path);
        if (url == null || url.isBlank()) {
            url = text(oa, "pc_message_url", path);
        }
        if (url == null || url.isBlank()) {
            return new MessageContent.Markdown(title, lines.toString());
        }
        String image = text(body, "image", path + ".body");
        String picture = image != null && (image.startsWith("https://") || image.startsWith("http://")) ? image : null;
        return new MessageContent.Link(title, lines.toString(), url, picture);
    }

    /** A member's text (numbers as their text), or null when absent; an object or list is refused. */
    static String text(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw DingTalkException.invalidParameter(path + "." + name);
        }
        return value.asText();
    }
}
