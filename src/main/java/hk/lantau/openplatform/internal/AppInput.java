package hk.lantau.openplatform.internal;

import hk.lantau.openplatform.AppAdministration;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Checks the fields of a registration or change, collecting every problem, so one answer names all
 * the fields to fix. {@link #done()} throws them as a 400.
 */
final class AppInput {

    static final int MAX_ALLOW_LIST = 50;
    private static final String VALID_SCOPES = Arrays.stream(Scope.values()).map(Scope::key)
            .collect(Collectors.joining(", "));

    private final List<FieldViolation> violations = new ArrayList<>();

    String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > 100) {
            violation("name", "openplatform.name_invalid", "An app's name has 1 to 100 characters.");
        }
        return name;
    }

    String description(String raw) {
        String description = raw == null ? "" : raw.strip();
        if (description.length() > 1000) {
            violation("description", "openplatform.description_invalid", "A description has at most 1000 characters.");
        }
        return description.isEmpty() ? null : description;
    }

    String purpose(String raw) {
        String purpose = raw == null ? "" : raw.strip();
        if (purpose.isEmpty() || purpose.length() > 1000) {
            violation("purpose", "openplatform.purpose_invalid",
                    "Say what the app is for, in 1 to 1000 characters; admins and auditors read it.");
        }
        return purpose;
    }

    Set<Scope> scopes(List<String> keys) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (keys == null || keys.isEmpty()) {
            violation("scopes", "openplatform.scopes_missing",
                    "Declare at least one scope. Valid scopes: " + VALID_SCOPES + ".");
            return scopes;
        }
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i) == null ? "" : keys.get(i).strip();
            Optional<Scope> scope = Scope.fromKey(key);
            if (scope.isPresent()) {
                scopes.add(scope.get());
            } else {
                violation("scopes[" + i + "]", "openplatform.scope_unknown",
                        "There is no scope '" + key + "'. Valid scopes: " + VALID_SCOPES + ".");
            }
        }
        return scopes;
    }

    /** The blocks in canonical form, without repeats; an empty list allows any address. */
    List<String> allowList(List<String> entries) {
        Set<String> blocks = new LinkedHashSet<>();
        if (entries.size() > MAX_ALLOW_LIST) {
            violation("ipAllowList", "openplatform.allow_list_too_long",
                    "An allow-list has at most " + MAX_ALLOW_LIST + " entries.");
            return List.of();
        }
        for (int i = 0; i < entries.size(); i++) {
            Cidr.Parsed parsed = Cidr.parse(entries.get(i));
            if (parsed.cidr() == null) {
                violation("ipAllowList[" + i + "]", "openplatform.cidr_invalid", parsed.error());
            } else {
                blocks.add(parsed.cidr().text());
            }
        }
        return List.copyOf(blocks);
    }

    int rateLimit(Integer requested) {
        if (requested == null) {
            return AppAdministration.DEFAULT_RATE_LIMIT;
        }
        if (requested < 1 || requested > AppAdministration.MAX_RATE_LIMIT) {
            violation("rateLimitPerMinute", "openplatform.rate_limit_invalid",
                    "The rate limit is 1 to " + AppAdministration.MAX_RATE_LIMIT + " calls a minute.");
        }
        return requested;
    }

    void violation(String field, String code, String message) {
        violations.add(new FieldViolation(field, code, message));
    }

    /** Throws the problems found, if any: with one problem its own code, with several a general one. */
    void done() {
        if (violations.isEmpty()) {
            return;
        }
        if (violations.size() == 1) {
            FieldViolation only = violations.get(0);
            throw new LantauException(HttpStatus.BAD_REQUEST, only.code(), only.message(), violations);
        }
        throw new LantauException(HttpStatus.BAD_REQUEST, "openplatform.app_invalid", "Some fields are not valid: "
                + violations.stream().map(FieldViolation::field).distinct().collect(Collectors.joining(", ")) + ".",
                violations);
    }
}
