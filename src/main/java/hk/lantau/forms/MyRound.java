package hk.lantau.forms;

import hk.lantau.approval.FormComponent;
import hk.lantau.approval.InstanceView.SubmittedValue;
import java.time.Instant;
import java.util.List;

/**
 * A round as one of the people it asks sees it: the form as it was when the round opened, and
 * their answer, which they may change while the round is open.
 *
 * @param answer the person's values, empty before they answered
 */
public record MyRound(RoundView round, String description, List<FormComponent> form, boolean anonymous,
                      Instant answeredAt, List<SubmittedValue> answer) {

    public MyRound {
        answer = List.copyOf(answer);
    }
}
