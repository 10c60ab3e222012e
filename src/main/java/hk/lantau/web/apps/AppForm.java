package hk.lantau.web.apps;

import hk.lantau.openplatform.AppChange;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.NewApp;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Scope;
import java.util.Arrays;
import java.util.List;

/**
 * The register and edit form as posted. The allow-list is one block per line (or separated by
 * spaces or commas); the rate limit is text so that anything typed comes back to the form.
 */
record AppForm(String name, String description, String purpose, List<String> scopes, String ownerUserId,
               String ipAllowList, String rateLimitPerMinute) {

    AppForm {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    static AppForm empty(String ownerUserId) {
        return new AppForm("", "", "", List.of(), ownerUserId, "", "600");
    }

    static AppForm of(AppView app) {
        return new AppForm(app.name(), app.description() == null ? "" : app.description(), app.purpose(),
                app.scopes().stream().map(Scope::key).toList(), app.ownerUserId(),
                String.join("\n", app.ipAllowList()), String.valueOf(app.rateLimitPerMinute()));
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope.key());
    }

    NewApp toNewApp() {
        return new NewApp(name, description, purpose, scopes, blankToNull(ownerUserId), allowList(), rateLimit());
    }

    AppChange toChange() {
        return new AppChange(name, description == null ? "" : description, purpose, scopes,
                blankToNull(ownerUserId), allowList(), rateLimit());
    }

    private List<String> allowList() {
        String text = ipAllowList == null ? "" : ipAllowList.strip();
        return text.isEmpty() ? List.of() : Arrays.stream(text.split("[\\s,]+")).toList();
    }

    private Integer rateLimit() {
        String text = rateLimitPerMinute == null ? "" : rateLimitPerMinute.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw LantauException.invalidField("rateLimitPerMinute", "openplatform.rate_limit_invalid",
                    "The rate limit is a whole number of calls a minute.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
