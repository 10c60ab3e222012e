package hk.lantau.approval;

import java.util.List;

/**
 * Approval templates. Everyone in the organisation may list enabled templates and read one to
 * submit it; creating, changing, enabling and disabling need {@code approval.templates}. Every
 * change is audited.
 */
public interface ApprovalTemplates {

    /** Validates and compiles the definition and deploys version 1; 400 with the fields at fault otherwise. */
    TemplateView create(long tenantId, TemplateDefinition definition);

    /** Saves a new version; running instances stay on theirs. */
    TemplateView update(long tenantId, String processCode, TemplateDefinition definition);

    /** The latest version. */
    TemplateView get(long tenantId, String processCode);

    TemplateView get(long tenantId, String processCode, int version);

    /** Enabled templates, or all of them for callers who manage templates and ask for disabled ones too. */
    List<TemplateSummary> list(long tenantId, boolean includeDisabled);

    /** Disabled templates take no new submissions; running instances go on. */
    TemplateView setEnabled(long tenantId, String processCode, boolean enabled);

    /** The BPMN 2.0 XML a version compiled to. */
    String bpmn(long tenantId, String processCode, int version);

    /** Sets (or, with {@code null}, clears) a variable's value for a department and the ones below it. */
    void setVariable(long tenantId, String processCode, String key, long departmentId, String value);

    /** The values set per department for each variable of the latest version. */
    List<VariableValue> variableValues(long tenantId, String processCode);

    record VariableValue(String key, long departmentId, String value) {
    }
}
