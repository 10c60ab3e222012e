package hk.lantau.forms.internal;

import hk.lantau.shared.PersonalDataContributor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Smart forms' part of a data-access request (every answer the person gave that is still kept,
 * with its form and round) and of an erasure (their answers and their place in rounds' audiences
 * go; purged rounds' counts hold nobody's data).
 */
@Component
class FormsPersonalData implements PersonalDataContributor {

    private final AnswerRepository answers;
    private final JdbcClient jdbc;
    private final FormsAudit audit;

    FormsPersonalData(AnswerRepository answers, JdbcClient jdbc, FormsAudit audit) {
        this.answers = answers;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public String section() {
        return "forms";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(long tenantId, String userId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (var answer : answers.ofPerson(tenantId, userId)) {
            Map<String, Object> item = new LinkedHashMap<>();
            jdbc.sql("select form_id, title, round_date from frm_round where tenant_id = :t and id = :r")
                    .param("t", tenantId).param("r", answer.roundId()).query(rs -> {
                        item.put("formId", rs.getLong("form_id"));
                        item.put("form", rs.getString("title"));
                        item.put("date", rs.getDate("round_date").toLocalDate().toString());
                    });
            item.put("roundId", answer.roundId());
            item.put("submittedAt", answer.submittedAt().toString());
            item.put("updatedAt", answer.updatedAt().toString());
            item.put("values", answer.values());
            out.add(item);
        }
        return Map.of("answers", out);
    }

    @Override
    @Transactional
    public ErasureResult erase(long tenantId, String userId) {
        int erased = answers.erase(tenantId, userId);
        if (erased > 0) {
            audit.record(tenantId, "forms.personal_data.erased", userId, Map.of("answersDeleted", erased));
        }
        return new ErasureResult(section(), erased, 0, Map.of("roundCounts", "Rounds whose answers were already "
                + "purged keep only how many answered and the counts per question, which name nobody."));
    }
}
