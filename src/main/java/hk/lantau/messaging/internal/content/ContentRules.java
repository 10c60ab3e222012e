package hk.lantau.messaging.internal.content;

import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.MessageContent;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * What message content may contain, for every part that takes it (chat, robots through chat, work
 * notifications): every required part present, DingTalk's limits on titles, buttons and links,
 * only http(s) links, no control characters. Each caller keeps its own kinds, limits and error
 * codes, so its clients see the codes its API documents.
 *
 * @param codes        the problem codes the caller answers with
 * @param kinds        the kinds the caller accepts, by wire name
 * @param maxTextChars the longest text or markdown body, in characters (0: no limit of its own)
 * @param maxJsonBytes the longest content as stored JSON, in UTF-8 bytes (0: no limit of its own)
 */
public record ContentRules(Codes codes, Set<String> kinds, int maxTextChars, int maxJsonBytes) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_URL = 2_000;
    public static final int MAX_BUTTONS = 5;
    public static final int MAX_FEED_LINKS = 10;

    /**
     * @param missing     no content at all
     * @param invalid     one or more invalid fields, each named with its own code
     * @param unsupported a kind the caller does not take
     * @param tooLarge    the content is over {@code maxJsonBytes}
     */
    public record Codes(String missing, String invalid, String unsupported, String tooLarge) {
    }

    /** The wire name of the content's kind, as in {@code {"kind":"text"}}. */
    public static String kind(MessageContent content) {
        if (content instanceof MessageContent.Text) {
            return "text";
        } else if (content instanceof MessageContent.Markdown) {
            return "markdown";
        } else if (content instanceof MessageContent.Link) {
            return "link";
        } else if (content instanceof MessageContent.ActionCard) {
            return "actionCard";
        } else if (content instanceof MessageContent.FeedCard) {
            return "feedCard";
        }
        return "system";
    }

    /** Checks the content; a 400 listing every invalid field, so nothing half-valid is stored. */
    public void check(MessageContent content, MessageAuthor.Kind author) {
        if (content == null) {
            throw LantauException.invalidField("content", codes.missing(), "Content is required.");
        }
        if (!kinds.contains(kind(content))) {
            throw LantauException.invalidField("content.kind", codes.unsupported(),
                    "Content of kind " + kind(content) + " is not accepted here; use one of " + kinds + ".");
        }
        List<FieldViolation> problems = new ArrayList<>();
        if (content instanceof MessageContent.Text t) {
            text(problems, "content.text", t.text(), true, maxTextChars);
        } else if (content instanceof MessageContent.Markdown m) {
            text(problems, "content.title", m.title(), false, MAX_TITLE);
            text(problems, "content.text", m.text(), true, maxTextChars);
        } else if (content instanceof MessageContent.Link l) {
            text(problems, "content.title", l.title(), true, MAX_TITLE);
            text(problems, "content.text", l.text(), true, maxTextChars);
            url(problems, "content.messageUrl", l.messageUrl(), true);
            url(problems, "content.picUrl", l.picUrl(), false);
        } else if (content instanceof MessageContent.ActionCard a) {
            actionCard(problems, a);
        } else if (content instanceof MessageContent.FeedCard f) {
            feedCard(problems, f);
        } else if (content instanceof MessageContent.SystemNotice s) {
            if (author != MessageAuthor.Kind.SYSTEM) {
                problems.add(new FieldViolation("content.kind", "messaging.kind_not_allowed",
                        "Only Lantau itself writes system notices."));
            }
            text(problems, "content.text", s.text(), true, maxTextChars);
        }
        if (!problems.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, codes.invalid(),
                    "The content is not valid: " + String.join(", ", problems.stream().map(FieldViolation::field)
                            .distinct().toList()) + ".", problems);
        }
    }

    /** Checks the size of the content as it will be stored. */
    public void checkStored(String json) {
        if (maxJsonBytes > 0 && json.getBytes(StandardCharsets.UTF_8).length > maxJsonBytes) {
            throw LantauException.invalidField("content", codes.tooLarge(),
                    "The content is more than " + maxJsonBytes + " bytes as JSON.");
        }
    }

    private void actionCard(List<FieldViolation> problems, MessageContent.ActionCard a) {
        text(problems, "content.title", a.title(), true, MAX_TITLE);
        text(problems, "content.text", a.text(), true, maxTextChars);
        boolean single = a.singleTitle() != null || a.singleUrl() != null;
        List<MessageContent.Button> buttons = a.buttons() == null ? List.of() : a.buttons();
        if (single == !buttons.isEmpty()) {
            problems.add(new FieldViolation("content.buttons", "messaging.buttons_invalid",
                    "An action card has either one button (singleTitle, singleUrl) or a list of buttons."));
            return;
        }
        if (single) {
            text(problems, "content.singleTitle", a.singleTitle(), true, MAX_TITLE);
            url(problems, "content.singleUrl", a.singleUrl(), true);
            return;
        }
        if (buttons.size() > MAX_BUTTONS) {
            problems.add(new FieldViolation("content.buttons", "messaging.buttons_invalid",
                    "An action card has at most " + MAX_BUTTONS + " buttons."));
            return;
        }
        for (int i = 0; i < buttons.size(); i++) {
            MessageContent.Button button = buttons.get(i);
            String field = "content.buttons[" + i + "]";
            if (button == null) {
                problems.add(new FieldViolation(field, "messaging.buttons_invalid", "A button needs a title and a URL."));
                continue;
            }
            text(problems, field + ".title", button.title(), true, MAX_TITLE);
            url(problems, field + ".url", button.url(), true);
        }
    }

    private void feedCard(List<FieldViolation> problems, MessageContent.FeedCard f) {
        List<MessageContent.FeedLink> links = f.links() == null ? List.of() : f.links();
        if (links.isEmpty() || links.size() > MAX_FEED_LINKS) {
            problems.add(new FieldViolation("content.links", "messaging.links_invalid",
                    "A feed card has 1 to " + MAX_FEED_LINKS + " links."));
            return;
        }
        for (int i = 0; i < links.size(); i++) {
            MessageContent.FeedLink link = links.get(i);
            String field = "content.links[" + i + "]";
            if (link == null) {
                problems.add(new FieldViolation(field, "messaging.links_invalid", "A link needs a title and a URL."));
                continue;
            }
            text(problems, field + ".title", link.title(), true, MAX_TITLE);
            url(problems, field + ".messageUrl", link.messageUrl(), true);
            url(problems, field + ".picUrl", link.picUrl(), false);
        }
    }

    private static void text(List<FieldViolation> problems, String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldViolation(field, "messaging.text_required", "Enter some text."));
            }
        } else if (max > 0 && value.codePointCount(0, value.length()) > max) {
            problems.add(new FieldViolation(field, "messaging.text_too_long", "At most " + max + " characters."));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            problems.add(new FieldViolation(field, "messaging.text_control_characters",
                    "Control characters are not allowed."));
        }
    }

    private static void url(List<FieldViolation> problems, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldViolation(field, "messaging.url_invalid", "Enter an http or https URL."));
            }
            return;
        }
        if (value.length() > MAX_URL || !webUrl(value)) {
            problems.add(new FieldViolation(field, "messaging.url_invalid",
                    "Only http and https URLs of at most " + MAX_URL + " characters."));
        }
    }

    /** An absolute http or https address with a host. */
    public static boolean webUrl(String value) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
