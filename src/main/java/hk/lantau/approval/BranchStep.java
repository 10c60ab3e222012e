package hk.lantau.approval;

import java.util.List;

/**
 * Condition branches: the first branch, in order, whose condition holds is taken; exactly one
 * branch has no condition and is the default, taken when none holds. Each branch is a list of
 * steps, which may nest further branch steps.
 */
public record BranchStep(String id, String name, List<Branch> branches) implements ProcessStep {

    public BranchStep {
        branches = branches == null ? List.of() : List.copyOf(branches);
    }

    /** @param condition {@code null} for the default branch */
    public record Branch(String id, String name, Condition condition, List<ProcessStep> steps) {

        public Branch {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }
}
