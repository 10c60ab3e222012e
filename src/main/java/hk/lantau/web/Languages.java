package hk.lantau.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The two languages the pages are written in; any other request falls back to one of them. */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale TRADITIONAL_CHINESE = Locale.forLanguageTag("zh-HK");
    public static final List<Locale> ALL = List.of(ENGLISH, TRADITIONAL_CHINESE);

    private Languages() {
    }

    /** Any Chinese goes to Traditional Chinese (Hong Kong), everything else to English. */
    public static Locale supported(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? TRADITIONAL_CHINESE : ENGLISH;
    }

    /** The first language of the browser's Accept-Language that we speak, else English. */
    public static Locale preferred(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return ENGLISH;
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            if ("zh".equals(locale.getLanguage()) || "en".equals(locale.getLanguage())) {
                return supported(locale);
            }
        }
        return ENGLISH;
    }

    public static String tag(Locale locale) {
        return supported(locale).toLanguageTag();
    }
}
