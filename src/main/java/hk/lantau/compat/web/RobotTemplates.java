package hk.lantau.compat.web;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.messaging.MessageContent;
import java.util.ArrayList;
import java.util.List;

/**
 * DingTalk's robot message templates ({@code msgKey}) with their parameters ({@code msgParam}, a
 * JSON object, which DingTalk's SDKs send as a string) as Lantau's message content. Media templates (image, audio, file,
 * video) are refused: Lantau keeps no media files.
 */
final class RobotTemplates {

    private static final List<String> MEDIA = List.of("sampleImageMsg", "sampleAudio", "sampleFile", "sampleVideo");

    private RobotTemplates() {
    }

    /** The content of a template; {@code param} is the parsed {@code msgParam} object. */
    static MessageContent content(String msgKey, JsonNode param) {
        if (MEDIA.contains(msgKey)) {
            throw new DingTalkException(400002, "msgKey " + msgKey
                    + " is not supported: Lantau keeps no media files", false, 400, "invalidParameter.msgKey.invalid");
        }
        return switch (msgKey) {
            case "sampleText" -> new MessageContent.Text(required(param, "content"));
            case "sampleMarkdown" -> new MessageContent.Markdown(required(param, "title"), required(param, "text"));
            case "sampleLink" -> new MessageContent.Link(required(param, "title"), required(param, "text"),
                    required(param, "messageUrl"), optional(param, "picUrl"));
            case "sampleActionCard" -> new MessageContent.ActionCard(required(param, "title"),
                    required(param, "text"), required(param, "singleTitle"), required(param, "singleURL"), null,
                    false);
            case "sampleActionCard2", "sampleActionCard3", "sampleActionCard4", "sampleActionCard5" ->
                    buttons(param, msgKey.charAt(msgKey.length() - 1) - '0', "actionTitle", "actionURL", false);
            case "sampleActionCard6" -> buttons(param, 2, "buttonTitle", "buttonUrl", true);
            default -> throw new DingTalkException(400002, "msgKey " + msgKey + " is not a message template", false,
                    400, "invalidParameter.msgKey.invalid");
        };
    }

    private static MessageContent buttons(JsonNode param, int count, String titleKey, String urlKey,
                                          boolean horizontal) {
        List<MessageContent.Button> buttons = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            buttons.add(new MessageContent.Button(required(param, titleKey + i), required(param, urlKey + i)));
        }
        return new MessageContent.ActionCard(required(param, "title"), required(param, "text"), null, null, buttons,
                horizontal);
    }

    private static String required(JsonNode param, String name) {
        String value = optional(param, name);
        if (value == null || value.isBlank()) {
            throw invalidParam("msgParam needs " + name);
        }
        return value;
    }

    private static String optional(JsonNode param, String name) {
        JsonNode value = param.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw invalidParam("msgParam." + name + " must be text");
        }
        return value.asText();
    }

    private static DingTalkException invalidParam(String message) {
        return new DingTalkException(400002, message, false, 400, "invalidParameter.msgParam.invalid");
    }
}
