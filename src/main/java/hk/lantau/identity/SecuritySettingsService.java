package hk.lantau.identity;

import hk.lantau.identity.internal.SecuritySettingsRepository;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each organisation's sign-in policy: MFA-required roles, lockout, idle timeout. */
@Service
public class SecuritySettingsService {

    private static final Pattern ROLE_KEY = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,39}");
    private static final int MAX_ROLES = 50;

    private final SecuritySettingsRepository repository;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SecuritySettingsService(SecuritySettingsRepository repository, IdentityProperties properties,
                            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** The installation's defaults; also the operators' policy. */
    public SecuritySettings defaults() {
        return new SecuritySettings(properties.mfaRequiredRoles(), properties.lockoutThreshold(),
                (int) properties.lockoutDuration().toMinutes(), (int) properties.sessionIdleTimeout().toMinutes());
    }

    /** The policy of an organisation, or of the operators when {@code tenantId} is {@code null}. */
    public SecuritySettings of(Long tenantId) {
        return tenantId == null ? defaults() : repository.find(tenantId).orElseGet(this::defaults);
    }

    @Transactional
    public SecuritySettings change(long tenantId, SecuritySettingsChange change) {
        SecuritySettings current = of(tenantId);
        List<FieldViolation> violations = new ArrayList<>();
        List<String> roles = change.mfaRequiredRoles() == null ? current.mfaRequiredRoles()
                : roles(change.mfaRequiredRoles(), violations);
        int threshold = within("lockoutThreshold", change.lockoutThreshold(), current.lockoutThreshold(),
                SecuritySettings.MIN_THRESHOLD, SecuritySettings.MAX_THRESHOLD, violations);
        int minutes = within("lockoutMinutes", change.lockoutMinutes(), current.lockoutMinutes(),
                SecuritySettings.MIN_LOCKOUT_MINUTES, SecuritySettings.MAX_LOCKOUT_MINUTES, violations);
        int idle = within("sessionIdleTimeoutMinutes", change.sessionIdleTimeoutMinutes(),
                current.sessionIdleTimeoutMinutes(), SecuritySettings.MIN_IDLE_MINUTES,
                SecuritySettings.MAX_IDLE_MINUTES, violations);
        if (!violations.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, "identity.security_settings_invalid",
                    "Some security settings are not valid.", violations);
        }
        SecuritySettings updated = new SecuritySettings(roles, threshold, minutes, idle);
        Map<String, Object> changes = new LinkedHashMap<>();
        diff(changes, "mfaRequiredRoles", current.mfaRequiredRoles(), updated.mfaRequiredRoles());
        diff(changes, "lockoutThreshold", current.lockoutThreshold(), threshold);
        diff(changes, "lockoutMinutes", current.lockoutMinutes(), minutes);
        diff(changes, "sessionIdleTimeoutMinutes", current.sessionIdleTimeoutMinutes(), idle);
        if (changes.isEmpty()) {
            return current;
        }
        String by = CurrentActor.find().map(a -> a.reference()).orElse("system");
        repository.save(tenantId, updated, clock.instant(), by);
        events.publishEvent(new SecuritySettingsChanged(tenantId, changes));
        return updated;
    }

    private static List<String> roles(List<String> requested, List<FieldViolation> violations) {
        var keys = new LinkedHashSet<String>();
        for (String role : requested) {
            String key = role == null ? "" : role.strip().toLowerCase(Locale.ROOT);
            if (!ROLE_KEY.matcher(key).matches()) {
                violations.add(new FieldViolation("mfaRequiredRoles", "identity.role_key_invalid",
                        "A role key is 1 to 40 lower-case letters, digits, '.', '_' or '-'."));
                return List.of();
            }
            keys.add(key);
        }
        if (keys.size() > MAX_ROLES) {
            violations.add(new FieldViolation("mfaRequiredRoles", "identity.too_many_roles",
                    "List at most " + MAX_ROLES + " roles."));
        }
        return keys.stream().sorted().toList();
    }

    private static int within(String field, Integer requested, int current, int min, int max,
                              List<FieldViolation> violations) {
        if (requested == null) {
            return current;
        }
        if (requested < min || requested > max) {
            violations.add(new FieldViolation(field, "identity.setting_out_of_range",
                    field + " must be between " + min + " and " + max + "."));
        }
        return requested;
    }

    private static void diff(Map<String, Object> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changes.put(field, Map.of("from", from, "to", to));
        }
    }
}
