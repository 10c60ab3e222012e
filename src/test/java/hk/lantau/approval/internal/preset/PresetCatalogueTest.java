package hk.lantau.approval.internal.preset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import hk.lantau.approval.ApproverStep;
import hk.lantau.approval.EmptyApproverRule;
import hk.lantau.approval.FormComponent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every preset reads strictly (unknown properties fail) and names the roles its route needs. */
class PresetCatalogueTest {

    private final PresetCatalogue catalogue = new PresetCatalogue(JsonMapper.builder().findAndAddModules().build());

    @Test
    void everyPresetReadsAndNamesItsRoles() {
        Map<String, List<String>> roles = Map.of(
                "leave", List.of("hr"),
                "expense", List.of("finance"),
                "salary-adjustment", List.of("compensation_committee", "cfo"),
                "office-access", List.of("security_officer"),
                "cross-border-remittance", List.of("finance", "compliance", "overseas_confirmer"));
        assertThat(catalogue.all()).extracting(PresetCatalogue.Preset::key).containsExactlyElementsOf(
                PresetCatalogue.KEYS);
        for (PresetCatalogue.Preset preset : catalogue.all()) {
            assertThat(List.copyOf(preset.roles().keySet())).as(preset.key())
                    .containsExactlyElementsOf(roles.get(preset.key()));
            assertThat(preset.definition().form()).as(preset.key()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.bizAlias()).as(c.id()).isNotBlank());
        }
    }

    @Test
    void noApproverStepPassesUnaskedWhenNobodyIsFound() {
        for (PresetCatalogue.Preset preset : catalogue.all()) {
            preset.definition().process().stream().filter(ApproverStep.class::isInstance).map(ApproverStep.class::cast)
                    .forEach(step -> assertThat(step.ifEmpty()).as(preset.key() + " " + step.id())
                            .isEqualTo(EmptyApproverRule.TO_ADMIN));
        }
        assertThat(catalogue.find("leave").orElseThrow().definition().form()).extracting(FormComponent::id)
                .containsExactly("leave_type", "period", "days", "reason", "attachment");
        assertThat(catalogue.find("nothing")).isEmpty();
    }
}
