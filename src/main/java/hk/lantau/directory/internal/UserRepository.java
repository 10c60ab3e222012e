package hk.lantau.directory.internal;

import hk.lantau.compliance.ProtectedField;
import hk.lantau.directory.UserStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    static final String COLUMNS = """
            tenant_id, userid, name, email, job_number, title, hire_date, manager_userid, work_place, remark,
            contract_end_date, status, left_at, erased_at, mobile_cipher, mobile_index, hkid_cipher, hkid_index,
            home_address_cipher, bank_account_cipher, emergency_contact_cipher, medical_notes_cipher, created_at,
            updated_at""";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredUser user) {
        jdbc.sql("insert into dir_user (" + COLUMNS + ", email_key) " + """
                 values (:tenantId, :userId, :name, :email, :jobNumber, :title, :hireDate, :managerUserId,
                  :workPlace, :remark, :contractEndDate, :status, :leftAt, :erasedAt, :mobileCipher, :mobileIndex,
                  :hkidCipher, :hkidIndex, :homeAddressCipher, :bankAccountCipher, :emergencyContactCipher,
                  :medicalNotesCipher, :createdAt, :updatedAt, :emailKey)""")
                .params(params(user)).update();
    }

    void update(StoredUser user) {
        jdbc.sql("""
                update dir_user set name = :name, email = :email, email_key = :emailKey, job_number = :jobNumber,
                       title = :title, hire_date = :hireDate, manager_userid = :managerUserId, work_place = :workPlace,
                       remark = :remark, contract_end_date = :contractEndDate, status = :status, left_at = :leftAt,
                       erased_at = :erasedAt, mobile_cipher = :mobileCipher, mobile_index = :mobileIndex,
                       hkid_cipher = :hkidCipher, hkid_index = :hkidIndex, home_address_cipher = :homeAddressCipher,
                       bank_account_cipher = :bankAccountCipher, emergency_contact_cipher = :emergencyContactCipher,
                       medical_notes_cipher = :medicalNotesCipher, updated_at = :updatedAt
                 where tenant_id = :tenantId and userid = :userId""")
                .params(params(user)).update();
    }

    Optional<StoredUser> find(long tenantId, String userId) {
        return jdbc.sql("select " + COLUMNS + " from dir_user where tenant_id = :tenantId and userid = :userId")
                .param("tenantId", tenantId).param("userId", userId)
                .query(UserRepository::map).optional();
    }

    List<StoredUser> findAll(long tenantId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from dir_user where tenant_id = :tenantId and userid in (:userIds)")
                .param("tenantId", tenantId).param("userIds", userIds)
                .query(UserRepository::map).list();
    }

    Optional<StoredUser> findByEmailKey(long tenantId, String emailKey) {
        return jdbc.sql("select " + COLUMNS + " from dir_user where tenant_id = :tenantId and email_key = :emailKey")
                .param("tenantId", tenantId).param("emailKey", emailKey)
                .query(UserRepository::map).optional();
    }

    boolean exists(long tenantId, String userId) {
        return count("userid", tenantId, userId, null) > 0;
    }

    boolean emailTaken(long tenantId, String emailKey, String exceptUserId) {
        return count("email_key", tenantId, emailKey, exceptUserId) > 0;
    }

    boolean mobileTaken(long tenantId, String mobileIndex, String exceptUserId) {
        return count("mobile_index", tenantId, mobileIndex, exceptUserId) > 0;
    }

    /** People who hold a seat of the edition: everyone who has not left. */
    long countSeated(long tenantId) {
        return jdbc.sql("select count(*) from dir_user where tenant_id = :tenantId and status <> 'LEFT'")
                .param("tenantId", tenantId).query(Long.class).single();
    }

    Optional<String> managerOf(long tenantId, String userId) {
        return jdbc.sql("select manager_userid from dir_user where tenant_id = :tenantId and userid = :userId")
                .param("tenantId", tenantId).param("userId", userId)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(m -> m);
    }

    List<StoredUser> search(UserSearchSql search) {
        return jdbc.sql("select " + COLUMNS + " from dir_user u where " + search.where()
                        + " order by u.name, u.userid limit :limit")
                .params(search.params()).query(UserRepository::map).list();
    }

    /** A batch of users of all organisations after the given key, for re-encryption. */
    List<StoredUser> batchAfter(long tenantId, String userId, int size) {
        return jdbc.sql("select " + COLUMNS
                        + " from dir_user where tenant_id > :tenantId or (tenant_id = :tenantId and userid > :userId)"
                        + " order by tenant_id, userid limit :size")
                .param("tenantId", tenantId).param("userId", userId).param("size", size)
                .query(UserRepository::map).list();
    }

    /** Replaces a ciphertext only if it is still the one read, so a concurrent change is not overwritten. */
    boolean replaceCipher(long tenantId, String userId, ProtectedField field, String expected, String cipher) {
        String column = ProtectedColumns.of(field);
        return jdbc.sql("update dir_user set " + column + " = :cipher"
                        + " where tenant_id = :tenantId and userid = :userId and " + column + " = :expected")
                .param("cipher", cipher).param("tenantId", tenantId).param("userId", userId)
                .param("expected", expected).update() > 0;
    }

    private long count(String column, long tenantId, String value, String exceptUserId) {
        return jdbc.sql("select count(*) from dir_user where tenant_id = :tenantId and " + column + " = :value"
                        + " and userid <> :except")
                .param("tenantId", tenantId).param("value", value)
                .param("except", exceptUserId == null ? "" : exceptUserId)
                .query(Long.class).single();
    }

    private static Map<String, Object> params(StoredUser u) {
        Map<String, Object> p = new HashMap<>();
        p.put("tenantId", u.tenantId);
        p.put("userId", u.userId);
        p.put("name", u.name);
        p.put("email", u.email);
        p.put("emailKey", u.emailKey());
        p.put("jobNumber", u.jobNumber);
        p.put("title", u.title);
        p.put("hireDate", u.hireDate);
        p.put("managerUserId", u.managerUserId);
        p.put("workPlace", u.workPlace);
        p.put("remark", u.remark);
        p.put("contractEndDate", u.contractEndDate);
        p.put("status", u.status.name());
        p.put("leftAt", Times.utc(u.leftAt));
        p.put("erasedAt", Times.utc(u.erasedAt));
        p.put("mobileCipher", u.ciphers.get(ProtectedField.MOBILE));
        p.put("mobileIndex", u.mobileIndex);
        p.put("hkidCipher", u.ciphers.get(ProtectedField.HKID));
        p.put("hkidIndex", u.hkidIndex);
        p.put("homeAddressCipher", u.ciphers.get(ProtectedField.HOME_ADDRESS));
        p.put("bankAccountCipher", u.ciphers.get(ProtectedField.BANK_ACCOUNT));
        p.put("emergencyContactCipher", u.ciphers.get(ProtectedField.EMERGENCY_CONTACT));
        p.put("medicalNotesCipher", u.ciphers.get(ProtectedField.MEDICAL_NOTES));
        p.put("createdAt", Times.utc(u.createdAt));
        p.put("updatedAt", Times.utc(u.updatedAt));
        return p;
    }

    static StoredUser map(ResultSet rs, int row) throws SQLException {
        StoredUser u = new StoredUser();
        u.tenantId = rs.getLong("tenant_id");
        u.userId = rs.getString("userid");
        u.name = rs.getString("name");
        u.email = rs.getString("email");
        u.jobNumber = rs.getString("job_number");
        u.title = rs.getString("title");
        u.hireDate = rs.getObject("hire_date", LocalDate.class);
        u.managerUserId = rs.getString("manager_userid");
        u.workPlace = rs.getString("work_place");
        u.remark = rs.getString("remark");
        u.contractEndDate = rs.getObject("contract_end_date", LocalDate.class);
        u.status = UserStatus.valueOf(rs.getString("status"));
        u.leftAt = Times.instant(rs, "left_at");
        u.erasedAt = Times.instant(rs, "erased_at");
        for (var entry : ProtectedColumns.COLUMNS.entrySet()) {
            String cipher = rs.getString(entry.getValue());
            if (cipher != null) {
                u.ciphers.put(entry.getKey(), cipher);
            }
        }
        u.mobileIndex = rs.getString("mobile_index");
        u.hkidIndex = rs.getString("hkid_index");
        u.createdAt = Times.instant(rs, "created_at");
        u.updatedAt = Times.instant(rs, "updated_at");
        return u;
    }
}
