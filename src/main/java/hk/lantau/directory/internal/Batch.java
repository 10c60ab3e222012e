package hk.lantau.directory.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What earlier rows of one request have claimed, so duplicates inside an import are caught before
 * anything is written; and the people the rows will create, so a row may name another as manager.
 */
final class Batch {

    final Set<String> userIds = new HashSet<>();
    final Map<String, String> managers = new HashMap<>();
    final Set<String> claimedUserIds = new HashSet<>();
    final Set<String> claimedEmailKeys = new HashSet<>();
    final Set<String> claimedMobileIndexes = new HashSet<>();

    static Batch single() {
        return new Batch();
    }
}
