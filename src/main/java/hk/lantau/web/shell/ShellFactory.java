package hk.lantau.web.shell;

import hk.lantau.identity.SessionCookies;
import hk.lantau.identity.Sessions;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import hk.lantau.web.Languages;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Builds the {@link Shell} for the current request. */
@Component
public class ShellFactory {

    static final ZoneId INSTALLATION_ZONE = ZoneId.of("Asia/Hong_Kong");

    private final Organisations organisations;
    private final Sessions sessions;

    ShellFactory(Organisations organisations, Sessions sessions) {
        this.organisations = organisations;
        this.sessions = sessions;
    }

    public Shell current(HttpServletRequest request) {
        return build(CurrentActor.find(), request);
    }

    /**
     * Error pages are rendered after the security filters have finished, so the person is found
     * again from their session cookie to keep their navigation on the page.
     */
    public Shell forErrorPage(HttpServletRequest request) {
        Optional<Actor> actor = CurrentActor.find();
        if (actor.isEmpty()) {
            actor = sessions.authenticate(SessionCookies.read(request), request.getRemoteAddr());
        }
        return build(actor, request);
    }

    private Shell build(Optional<Actor> found, HttpServletRequest request) {
        Locale locale = Languages.supported(LocaleContextHolder.getLocale());
        Locale other = locale.equals(Languages.ENGLISH) ? Languages.TRADITIONAL_CHINESE : Languages.ENGLISH;
        String switchUrl = switchUrl(request, other);
        if (found.isEmpty()) {
            return new Shell(locale.toLanguageTag(), other.toLanguageTag(), switchUrl, false, false, null, null,
                    null, INSTALLATION_ZONE, List.of(), null);
        }
        Actor actor = found.get();
        Optional<Organisation> org = actor.tenantId() == null ? Optional.empty()
                : organisations.find(actor.tenantId());
        return new Shell(locale.toLanguageTag(), other.toLanguageTag(), switchUrl, true, actor.isOperator(),
                org.map(Organisation::name).orElse(null), actor.name(), initials(actor.name()),
                org.map(Organisation::timeZone).orElse(INSTALLATION_ZONE),
                Navigation.of(actor, path(request)), person(actor) ? actor.userId() : null);
    }

    private static boolean person(Actor actor) {
        return actor.kind() == ActorKind.USER && actor.tenantId() != null;
    }

    private static String path(HttpServletRequest request) {
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        return original instanceof String uri ? uri : request.getRequestURI();
    }

    /** The same address with {@code lang} set; a form's result page switches to its GET address. */
    private static String switchUrl(HttpServletRequest request, Locale other) {
        boolean sameQuery = "GET".equals(request.getMethod())
                && request.getAttribute("jakarta.servlet.error.request_uri") == null;
        return UriComponentsBuilder.fromPath(path(request))
                .query(sameQuery ? request.getQueryString() : null)
                .replaceQueryParam("lang", other.toLanguageTag())
                .build().toUriString();
    }

    /** One or two letters for an avatar; the first character of a Chinese name. */
    public static String initials(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String[] parts = name.strip().split("\\s+");
        int first = parts[0].codePointAt(0);
        if (Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN) {
            return new String(Character.toChars(first));
        }
        String initials = new String(Character.toChars(first));
        if (parts.length > 1) {
            initials += new String(Character.toChars(parts[parts.length - 1].codePointAt(0)));
        }
        return initials.toUpperCase(Locale.ROOT);
    }
}
