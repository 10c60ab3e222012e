package hk.lantau.forms;

import hk.lantau.approval.FormComponent;
import java.util.List;

/**
 * A form as its designer sends it.
 *
 * @param form          components, as approval forms have them (docs/approval-forms.md), except attachments
 * @param retentionDays days after a round's date its answers are kept (default 30)
 * @param anonymous     whether summaries and exports leave out who gave each answer
 */
public record FormDefinition(String title, String description, List<FormComponent> form, FormAudience audience,
                             FormSchedule schedule, Integer retentionDays, Boolean anonymous) {
}
