package hk.lantau.approval.internal.preset;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.approval.ApproverSource;
import hk.lantau.approval.ApproverStep;
import hk.lantau.approval.BranchStep;
import hk.lantau.approval.CcStep;
import hk.lantau.approval.ProcessStep;
import hk.lantau.approval.TemplateDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The preset templates, read once from {@code approval/presets/<key>.json} (each a
 * {@link TemplateDefinition}); a preset that does not read fails the start, not an install.
 */
@Component
class PresetCatalogue {

    static final List<String> KEYS = List.of("leave", "expense", "salary-adjustment", "office-access",
            "cross-border-remittance");

    private final Map<String, Preset> presets = new LinkedHashMap<>();

    PresetCatalogue(ObjectMapper json) {
        for (String key : KEYS) {
            try (InputStream in = new ClassPathResource("approval/presets/" + key + ".json").getInputStream()) {
                TemplateDefinition definition = json.readValue(in, TemplateDefinition.class);
                presets.put(key, new Preset(key, definition, roles(definition.process(), new LinkedHashMap<>())));
            } catch (IOException e) {
                throw new UncheckedIOException("The approval preset " + key + " does not read", e);
            }
        }
    }

    List<Preset> all() {
        return List.copyOf(presets.values());
    }

    Optional<Preset> find(String key) {
        return Optional.ofNullable(presets.get(key));
    }

    /** The role keys the steps route to, in order, each named after the first step that uses it. */
    private static Map<String, String> roles(List<ProcessStep> steps, Map<String, String> found) {
        for (ProcessStep step : steps) {
            if (step instanceof ApproverStep approver) {
                role(approver.approvers(), approver.name(), found);
            } else if (step instanceof CcStep cc) {
                role(cc.recipients(), cc.name(), found);
            } else if (step instanceof BranchStep branch) {
                branch.branches().forEach(b -> roles(b.steps(), found));
            }
        }
        return found;
    }

    private static void role(ApproverSource source, String stepName, Map<String, String> found) {
        if (source != null && source.kind() == ApproverSource.ApproverKind.ROLE) {
            found.putIfAbsent(source.roleKey(), stepName);
        }
    }

    /** @param roles role key to the name a created role gets */
    record Preset(String key, TemplateDefinition definition, Map<String, String> roles) {

        Preset {
            roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        }
    }
}
