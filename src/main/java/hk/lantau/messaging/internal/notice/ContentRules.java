package hk.lantau.messaging.internal.notice;

import hk.lantau.messaging.MessageContent;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * What a work notification may say: text, markdown, link or action card, every required part
 * present, links only to http and https addresses, no control characters. Markdown is kept as
 * sent; clients render it from a safe subset, as in chat.
 */
final class ContentRules {

    static final int MAX_BUTTONS = 5;

    private ContentRules() {
    }

    static void check(MessageContent content) {
        if (content == null) {
            throw LantauException.invalidField("content", "messaging.notification_content_invalid",
                    "A notification needs content.");
        }
        List<FieldViolation> violations = new ArrayList<>();
        if (content instanceof MessageContent.Text t) {
            text(violations, "content.text", t.text());
        } else if (content instanceof MessageContent.Markdown m) {
            text(violations, "content.title", m.title());
            text(violations, "content.text", m.text());
        } else if (content instanceof MessageContent.Link l) {
            text(violations, "content.title", l.title());
            text(violations, "content.text", l.text());
            url(violations, "content.messageUrl", l.messageUrl(), true);
            url(violations, "content.picUrl", l.picUrl(), false);
        } else if (content instanceof MessageContent.ActionCard card) {
            actionCard(violations, card);
        } else {
            throw LantauException.invalidField("content.kind", "messaging.notification_kind_unsupported",
                    "Work notifications are text, markdown, link or actionCard.");
        }
        if (!violations.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, "messaging.notification_content_invalid",
                    "The notification's content is not valid.", violations);
        }
    }

    private static void actionCard(List<FieldViolation> violations, MessageContent.ActionCard card) {
        text(violations, "content.title", card.title());
        text(violations, "content.text", card.text());
        List<MessageContent.Button> buttons = card.buttons() == null ? List.of() : card.buttons();
        boolean single = card.singleTitle() != null || card.singleUrl() != null;
        if (single == !buttons.isEmpty()) {
            violations.add(new FieldViolation("content.buttons", "messaging.notification_content_invalid",
                    "An action card has either one button (singleTitle and singleUrl) or a list of buttons."));
            return;
        }
        if (single) {
            text(violations, "content.singleTitle", card.singleTitle());
            url(violations, "content.singleUrl", card.singleUrl(), true);
            return;
        }
        if (buttons.size() > MAX_BUTTONS) {
            violations.add(new FieldViolation("content.buttons", "messaging.notification_content_invalid",
                    "An action card has at most " + MAX_BUTTONS + " buttons."));
        }
        for (int i = 0; i < buttons.size(); i++) {
            MessageContent.Button button = buttons.get(i);
            if (button == null) {
                violations.add(new FieldViolation("content.buttons[" + i + "]", "messaging.notification_content_invalid",
                        "A button needs a title and a URL."));
                continue;
            }
            text(violations, "content.buttons[" + i + "].title", button.title());
            url(violations, "content.buttons[" + i + "].url", button.url(), true);
        }
    }

    private static void text(List<FieldViolation> violations, String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "messaging.notification_content_invalid", "This is required."));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            violations.add(new FieldViolation(field, "messaging.notification_content_invalid",
                    "Control characters are not allowed."));
        }
    }

    private static void url(List<FieldViolation> violations, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new FieldViolation(field, "messaging.notification_content_invalid", "This is required."));
            }
            return;
        }
        if (!webAddress(value)) {
            violations.add(new FieldViolation(field, "messaging.notification_content_invalid",
                    "Links must be http or https addresses."));
        }
    }

    private static boolean webAddress(String value) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
