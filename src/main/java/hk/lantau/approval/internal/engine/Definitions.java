package hk.lantau.approval.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.approval.ApproverStep;
import hk.lantau.approval.BranchStep;
import hk.lantau.approval.CcStep;
import hk.lantau.approval.ProcessStep;
import hk.lantau.approval.TemplateDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Template definitions as stored JSON, read back by version. A version never changes once saved,
 * so parsed definitions are kept in memory for the callbacks that run on every step.
 */
@Component
class Definitions {

    private static final int CACHE_LIMIT = 2_000;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Map<String, TemplateDefinition> cache = new ConcurrentHashMap<>();
    private final Map<String, String> deployments = new ConcurrentHashMap<>();

    Definitions(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    String write(TemplateDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A template definition did not serialise", e);
        }
    }

    TemplateDefinition read(String text) {
        try {
            return json.readValue(text, TemplateDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored template definition did not parse", e);
        }
    }

    TemplateDefinition version(long tenantId, String processCode, int version) {
        String key = tenantId + "/" + processCode + "/" + version;
        TemplateDefinition cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        TemplateDefinition definition = read(jdbc.sql("""
                        select definition from apr_template_version
                         where tenant_id = :tenantId and process_code = :code and version = :version""")
                .param("tenantId", tenantId).param("code", processCode).param("version", version)
                .query(String.class).single());
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, definition);
        return definition;
    }

    /** The Flowable process definition a version was deployed as; like the version, it never changes. */
    String processDefinitionId(long tenantId, String processCode, int version) {
        String key = tenantId + "/" + processCode + "/" + version;
        String cached = deployments.get(key);
        if (cached != null) {
            return cached;
        }
        String id = jdbc.sql("""
                        select process_definition_id from apr_template_version
                         where tenant_id = :tenantId and process_code = :code and version = :version""")
                .param("tenantId", tenantId).param("code", processCode).param("version", version)
                .query(String.class).single();
        if (deployments.size() >= CACHE_LIMIT) {
            deployments.clear();
        }
        deployments.put(key, id);
        return id;
    }

    /** The step with this id anywhere in the process, nested branches included. */
    static Optional<ProcessStep> step(TemplateDefinition definition, String stepId) {
        return find(definition.process(), stepId);
    }

    static ApproverStep approverStep(TemplateDefinition definition, String stepId) {
        return (ApproverStep) step(definition, stepId).orElseThrow();
    }

    static CcStep ccStep(TemplateDefinition definition, String stepId) {
        return (CcStep) step(definition, stepId).orElseThrow();
    }

    private static Optional<ProcessStep> find(List<ProcessStep> steps, String stepId) {
        for (ProcessStep step : steps) {
            if (step.id().equals(stepId)) {
                return Optional.of(step);
            }
            if (step instanceof BranchStep branch) {
                for (BranchStep.Branch b : branch.branches()) {
                    Optional<ProcessStep> found = find(b.steps(), stepId);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
