package hk.lantau.attendance.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Which group a person belongs to: the group naming them, else the group naming the nearest of
 * their departments or the departments above them (the lowest group id at equal distance). One
 * rule for the punch, which walks up the tree by lookups, and the daily close, which holds the tree.
 */
final class GroupResolver {

    private static final int MAX_DEPTH = 64;

    private GroupResolver() {
    }

    static Optional<Long> resolve(Long directGroup, List<Long> departmentIds, Map<Long, Long> departmentGroups,
                                  LongFunction<Long> parentOf) {
        if (directGroup != null) {
            return Optional.of(directGroup);
        }
        if (departmentGroups.isEmpty()) {
            return Optional.empty();
        }
        List<Long> level = departmentIds;
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
            Optional<Long> found = level.stream().map(departmentGroups::get).filter(g -> g != null).min(Long::compare);
            if (found.isPresent()) {
                return found;
            }
            level = level.stream().map(parentOf::apply).filter(p -> p != null).distinct().toList();
        }
        return Optional.empty();
    }
}
