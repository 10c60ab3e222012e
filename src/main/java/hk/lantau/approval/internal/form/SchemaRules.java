package hk.lantau.approval.internal.form;

import hk.lantau.approval.FormComponent;
import hk.lantau.approval.FormRules;
import hk.lantau.approval.FormValue;
import hk.lantau.approval.InstanceView;
import hk.lantau.shared.FieldViolation;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@link FormRules} on the same checks and readers approval templates and instances use. */
@Component
class SchemaRules implements FormRules {

    @Override
    public List<FieldViolation> check(List<FormComponent> form) {
        return FormSchema.check(form);
    }

    @Override
    public List<InstanceView.SubmittedValue> read(List<FormComponent> form, List<FormValue> values) {
        return new FormSchema(form).read(values).values();
    }
}
