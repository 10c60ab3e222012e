package hk.lantau.web.forms;

import hk.lantau.web.approvals.TemplateForm;
import java.util.ArrayList;
import java.util.List;

/**
 * The editor's questions as posted ({@code form[1].label}, {@code form[1].options}), bound as the
 * approval template editor binds its form: the same components, edited with the same parts.
 */
public class Questions {

    private List<TemplateForm.Field> form = new ArrayList<>();

    public List<TemplateForm.Field> getForm() {
        return form;
    }

    public void setForm(List<TemplateForm.Field> form) {
        this.form = form;
    }
}
