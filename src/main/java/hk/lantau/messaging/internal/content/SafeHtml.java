package hk.lantau.messaging.internal.content;

import hk.lantau.messaging.MessageContent;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Markdown to HTML that is safe to insert into a page. Two independent layers: commonmark escapes
 * any raw HTML in the source and drops unsafe link schemes, then jsoup keeps only a small list of
 * tags and attributes and only http, https and mailto links. Scripts, styles, event handlers,
 * iframes and javascript: or data: URLs do not survive either layer. Shared by chat and work
 * notifications, which show the same content.
 */
public final class SafeHtml {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak("<br>").build();
    private static final Safelist SAFELIST = new Safelist()
            .addTags("p", "br", "hr", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li",
                    "h1", "h2", "h3", "h4", "h5", "h6", "a", "img")
            .addAttributes("a", "href", "title")
            .addAttributes("img", "src", "alt", "title")
            .addAttributes("ol", "start")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private SafeHtml() {
    }

    /** The safe rendering of a content's markdown or card text; null for kinds without markdown. */
    public static String of(MessageContent content) {
        if (content instanceof MessageContent.Markdown m) {
            return markdown(m.text());
        } else if (content instanceof MessageContent.ActionCard a) {
            return markdown(a.text());
        }
        return null;
    }

    static String markdown(String source) {
        if (source == null) {
            return null;
        }
        Node document = PARSER.parse(source);
        String html = RENDERER.render(document);
        return Jsoup.clean(html, "", SAFELIST, OUTPUT).strip();
    }
}
