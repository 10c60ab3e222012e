package hk.lantau.directory.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Walks up a chain of managers, e.g. to refuse a change that would make someone their own manager. */
final class ManagerChain {

    private ManagerChain() {
    }

    /** Whether following managers from {@code start} (inclusive) reaches {@code target}. */
    static boolean reaches(String start, String target, UnaryOperator<String> managerOf) {
        Set<String> seen = new HashSet<>();
        for (String current = start; current != null && seen.add(current); current = managerOf.apply(current)) {
            if (current.equals(target)) {
                return true;
            }
        }
        return false;
    }
}
