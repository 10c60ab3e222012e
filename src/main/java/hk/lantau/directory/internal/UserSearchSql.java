package hk.lantau.directory.internal;

import hk.lantau.directory.UserStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code where} clause and parameters of a people search, built from optional criteria. */
final class UserSearchSql {

    private final StringBuilder where = new StringBuilder("u.tenant_id = :tenantId");
    private final Map<String, Object> params = new HashMap<>();

    UserSearchSql(long tenantId, int limit) {
        params.put("tenantId", tenantId);
        params.put("limit", limit);
    }

    UserSearchSql statuses(List<UserStatus> statuses) {
        where.append(" and u.status in (:statuses)");
        params.put("statuses", statuses.stream().map(Enum::name).toList());
        return this;
    }

    UserSearchSql text(String text) {
        where.append(" and (lower(u.name) like :text escape '\\' or lower(u.email) like :text escape '\\'"
                + " or lower(u.job_number) like :text escape '\\')");
        params.put("text", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
        return this;
    }

    UserSearchSql department(long departmentId) {
        where.append(" and exists (select 1 from dir_membership m where m.tenant_id = u.tenant_id"
                + " and m.userid = u.userid and m.department_id = :departmentId)");
        params.put("departmentId", departmentId);
        return this;
    }

    UserSearchSql mobileIndex(String mobileIndex) {
        where.append(" and u.mobile_index = :mobileIndex");
        params.put("mobileIndex", mobileIndex);
        return this;
    }

    UserSearchSql after(String name, String userId) {
        where.append(" and (u.name > :afterName or (u.name = :afterName and u.userid > :afterUserId))");
        params.put("afterName", name);
        params.put("afterUserId", userId);
        return this;
    }

    String where() {
        return where.toString();
    }

    Map<String, Object> params() {
        return params;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
