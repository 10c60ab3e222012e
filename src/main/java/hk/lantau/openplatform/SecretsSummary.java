package hk.lantau.openplatform;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The state of an app's secrets at a glance.
 *
 * @param usable      how many secrets work now (more than one during a rotation's grace period)
 * @param nextExpiry  when the first of them stops working, {@code null} when none works
 * @param expiresSoon whether one stops within the warning period (14 days): time to rotate
 */
public record SecretsSummary(int usable, Instant nextExpiry, boolean expiresSoon) {

    public static SecretsSummary of(List<AppSecret> secrets) {
        List<AppSecret> usable = secrets.stream().filter(s -> s.state().usable())
                .sorted(Comparator.comparing(AppSecret::usableUntil)).toList();
        return new SecretsSummary(usable.size(), usable.isEmpty() ? null : usable.get(0).usableUntil(),
                usable.stream().anyMatch(AppSecret::expiresSoon));
    }
}
