package hk.lantau.approval.internal.engine;

import hk.lantau.approval.TemplateDefinition;
import hk.lantau.approval.TemplateVariable;
import hk.lantau.approval.ApprovalTemplates.VariableValue;
import hk.lantau.approval.internal.engine.InstanceRepository.InstanceRow;
import hk.lantau.approval.internal.form.SubmittedForm;
import hk.lantau.directory.Department;
import hk.lantau.directory.Departments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads what a running instance's steps decide on: its row, its template version, its form and its variables. */
@Component
class RunContexts {

    private static final int MAX_DEPTH = 100;

    private final InstanceRepository instances;
    private final TemplateRepository templates;
    private final Definitions definitions;
    private final Departments departments;

    RunContexts(InstanceRepository instances, TemplateRepository templates, Definitions definitions,
                Departments departments) {
        this.instances = instances;
        this.templates = templates;
        this.definitions = definitions;
        this.departments = departments;
    }

    /**
     * One callback's view of a running instance. Approver and CC steps need only the row and the
     * definition, so the form, the department path and the variables (for branch conditions) are
     * read when first asked for.
     */
    final class RunContext {

        private final InstanceRow instance;
        private final TemplateDefinition definition;
        private SubmittedForm form;
        private List<Long> departmentPath;
        private Map<String, String> variables;

        private RunContext(InstanceRow instance, TemplateDefinition definition) {
            this.instance = instance;
            this.definition = definition;
        }

        InstanceRow instance() {
            return instance;
        }

        TemplateDefinition definition() {
            return definition;
        }

        SubmittedForm form() {
            if (form == null) {
                form = SubmittedForm.fromJson(instance.formValues());
            }
            return form;
        }

        List<Long> departmentPath() {
            if (departmentPath == null) {
                departmentPath = RunContexts.this.departmentPath(instance.tenantId(), instance.departmentId());
            }
            return departmentPath;
        }

        Map<String, String> variables() {
            if (variables == null) {
                variables = RunContexts.this.variables(instance.tenantId(), instance.processCode(), definition,
                        departmentPath());
            }
            return variables;
        }
    }

    RunContext load(long tenantId, String instanceId) {
        InstanceRow instance = instances.find(tenantId, instanceId).orElseThrow();
        return new RunContext(instance, definitions.version(tenantId, instance.processCode(),
                instance.templateVersion()));
    }

    /** The department and its parents up to the root. */
    List<Long> departmentPath(long tenantId, long departmentId) {
        List<Long> path = new ArrayList<>();
        Long current = departmentId;
        while (current != null && path.size() < MAX_DEPTH && !path.contains(current)) {
            path.add(current);
            Department department = departments.get(tenantId, current);
            current = department.parentId();
        }
        return path;
    }

    /** Each variable's value for the department path: the nearest department's, else the default. */
    Map<String, String> variables(long tenantId, String processCode, TemplateDefinition definition, List<Long> path) {
        Map<String, Map<Long, String>> set = new HashMap<>();
        for (VariableValue value : templates.variables(tenantId, processCode)) {
            set.computeIfAbsent(value.key(), k -> new HashMap<>()).put(value.departmentId(), value.value());
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        for (TemplateVariable variable : definition.variables()) {
            Map<Long, String> byDepartment = set.getOrDefault(variable.key(), Map.of());
            String value = path.stream().map(byDepartment::get).filter(v -> v != null).findFirst()
                    .orElse(variable.defaultValue());
            if (value != null) {
                resolved.put(variable.key(), value);
            }
        }
        return resolved;
    }
}
