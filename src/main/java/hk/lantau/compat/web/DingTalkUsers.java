package hk.lantau.compat.web;

import hk.lantau.compliance.ProtectedField;
import hk.lantau.directory.Directory;
import hk.lantau.directory.MaskedValue;
import hk.lantau.directory.UserProfile;
import hk.lantau.directory.UserStatus;
import hk.lantau.directory.Users;
import hk.lantau.shared.Actor;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A person as DingTalk's user object ({@code /topapi/v2/user/get}'s {@code result}). The mobile is
 * masked unless the app holds {@code pii.mobile.read}, and then revealed through the directory,
 * which audits it. {@code unionid} is the userid: Lantau has no identifier across organisations.
 */
@Component
class DingTalkUsers {

    /** Country codes DingTalk's {@code state_code} splits off a revealed number. */
    private static final List<String> STATE_CODES = List.of("852", "853", "86", "886");
    private static final ZoneId FALLBACK_ZONE = ZoneId.of("Asia/Hong_Kong");

    private final Users users;
    private final Directory directory;
    private final Organisations organisations;

    DingTalkUsers(Users users, Directory directory, Organisations organisations) {
        this.users = users;
        this.directory = directory;
        this.organisations = organisations;
    }

    Map<String, Object> user(Actor app, long tenantId, UserProfile user) {
        Wire wire = Wire.object()
                .put("userid", user.userId())
                .put("unionid", user.userId())
                .put("name", user.name());
        mobile(wire, app, tenantId, user);
        ZoneId zone = zone(tenantId);
        return wire.put("job_number", user.jobNumber())
                .put("title", user.title())
                .put("email", user.email())
                .put("work_place", user.workPlace())
                .put("remark", user.remark())
                .put("dept_id_list", user.departmentIds())
                .put("hired_date", user.hireDate() == null ? null
                        : user.hireDate().atStartOfDay(zone).toInstant().toEpochMilli())
                .put("manager_userid", user.managerUserId())
                .put("active", user.status() == UserStatus.ACTIVE)
                .put("admin", directory.roleKeys(tenantId, user.userId()).contains("admin"))
                .map();
    }

    /** The organisation's zone, in which DingTalk's epoch-millisecond dates are midnights. */
    ZoneId zone(long tenantId) {
        return organisations.find(tenantId).map(Organisation::timeZone).orElse(FALLBACK_ZONE);
    }

    private void mobile(Wire wire, Actor app, long tenantId, UserProfile user) {
        MaskedValue masked = user.protectedFields().get(ProtectedField.MOBILE);
        if (masked == null) {
            return;
        }
        if (!app.can(ProtectedField.MOBILE.revealPermission())) {
            wire.put("mobile", masked.masked());
            return;
        }
        String clear = users.reveal(tenantId, user.userId(), ProtectedField.MOBILE);
        if (clear == null) {
            return;
        }
        String digits = clear.replace(" ", "");
        for (String code : STATE_CODES) {
            if (digits.startsWith("+" + code)) {
                wire.put("state_code", code).put("mobile", digits.substring(code.length() + 1));
                return;
            }
        }
        wire.put("mobile", digits);
    }
}
