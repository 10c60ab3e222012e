package hk.lantau.approval;

/**
 * A value a template reads per unit (a cost-centre code, a compliance clause), so one template
 * serves many departments. Values are set per department; the originator's department and its
 * parents are searched upwards, and {@code defaultValue} applies when none has one. Conditions
 * use it as {@code variable}, titles as <code>${var.key}</code>.
 */
public record TemplateVariable(String key, String label, String defaultValue) {
}
