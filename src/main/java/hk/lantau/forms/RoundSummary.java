package hk.lantau.forms;

import hk.lantau.approval.ComponentType;
import hk.lantau.approval.InstanceView.SubmittedValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A round's figures for HR: per question how many answered, counts per option for choices and
 * minimum, maximum and mean for numbers; the answers (without people on an anonymous form); and
 * who has not answered, by department. A purged round keeps its figures only.
 */
public record RoundSummary(RoundView round, List<Question> questions, List<Answer> answers,
                           List<Pending> notSubmitted) {

    public RoundSummary {
        questions = List.copyOf(questions);
        answers = List.copyOf(answers);
        notSubmitted = List.copyOf(notSubmitted);
    }

    /**
     * One value-taking component.
     *
     * @param counts for selects, each option in the form's order with how many chose it
     * @param numbers for numbers and amounts, null when nobody answered
     */
    public record Question(String id, String label, ComponentType type, int answered, Map<String, Integer> counts,
                           Numbers numbers) {
    }

    /** The answered numbers' smallest, largest and mean (rounded to two decimals). */
    public record Numbers(BigDecimal min, BigDecimal max, BigDecimal mean) {
    }

    /** One person's answer; userId and name are null on an anonymous form. */
    public record Answer(String userId, String name, Instant submittedAt, List<SubmittedValue> values) {
    }

    /** Those of one department who have not answered (their first department when the round opened). */
    public record Pending(Long departmentId, String departmentName, List<Person> people) {
    }

    public record Person(String userId, String name) {
    }
}
