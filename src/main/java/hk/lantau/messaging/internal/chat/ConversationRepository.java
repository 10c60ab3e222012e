package hk.lantau.messaging.internal.chat;

import static hk.lantau.messaging.internal.sql.SqlTimes.instant;

import hk.lantau.messaging.ConversationKind;
import hk.lantau.messaging.MemberRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Conversations and their members; every statement is scoped to one organisation. */
@Repository
class ConversationRepository {

    private static final String COLUMNS = "tenant_id, id, kind, name, owner_id, pair_key, department_id, last_seq, "
            + "member_count, dismissed, created_at, last_activity";
    private static final String MEMBER_COLUMNS = "user_id, name, role, joined_seq, read_seq, read_at, mention_seq, "
            + "joined_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ConversationRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insert(StoredConversation c) {
        jdbc.sql("insert into msg_conversation (" + COLUMNS + ") values (:tenant, :id, :kind, :name, :owner, :pair, "
                        + ":department, :lastSeq, :members, :dismissed, :created, :activity)")
                .param("tenant", c.tenantId()).param("id", c.id()).param("kind", c.kind().name())
                .param("name", c.name()).param("owner", c.ownerId()).param("pair", c.pairKey())
                .param("department", c.departmentId()).param("lastSeq", c.lastSeq())
                .param("members", c.memberCount()).param("dismissed", c.dismissed())
                .param("created", Timestamp.from(c.createdAt())).param("activity", Timestamp.from(c.lastActivity()))
                .update();
    }

    /** Inserts a direct conversation unless the pair has one already; true when this call made it. */
    boolean insertDirect(StoredConversation c) {
        return jdbc.sql("insert into msg_conversation (" + COLUMNS + ") values (:tenant, :id, :kind, :name, :owner, "
                        + ":pair, :department, 0, :members, false, :created, :activity) on conflict do nothing")
                .param("tenant", c.tenantId()).param("id", c.id()).param("kind", c.kind().name())
                .param("name", c.name()).param("owner", c.ownerId()).param("pair", c.pairKey())
                .param("department", c.departmentId()).param("members", c.memberCount())
                .param("created", Timestamp.from(c.createdAt())).param("activity", Timestamp.from(c.lastActivity()))
                .update() == 1;
    }

    Optional<StoredConversation> find(long tenantId, String id) {
        return jdbc.sql("select " + COLUMNS + " from msg_conversation where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).query(ConversationRepository::conversation).optional();
    }

    /** Reads and locks the conversation row: sends and membership changes of one conversation queue here. */
    Optional<StoredConversation> lock(long tenantId, String id) {
        return jdbc.sql("select " + COLUMNS + " from msg_conversation where tenant_id = :tenant and id = :id for update")
                .param("tenant", tenantId).param("id", id).query(ConversationRepository::conversation).optional();
    }

    Optional<StoredConversation> findByPair(long tenantId, String pairKey) {
        return jdbc.sql("select " + COLUMNS + " from msg_conversation where tenant_id = :tenant and pair_key = :pair")
                .param("tenant", tenantId).param("pair", pairKey).query(ConversationRepository::conversation)
                .optional();
    }

    Optional<StoredConversation> findByDepartment(long tenantId, long departmentId) {
        return jdbc.sql("select " + COLUMNS + " from msg_conversation where tenant_id = :tenant "
                        + "and department_id = :department")
                .param("tenant", tenantId).param("department", departmentId)
                .query(ConversationRepository::conversation).optional();
    }

    /** The ids of the groups (not direct conversations) a person belongs to. */
    List<String> groupsOf(long tenantId, String userId) {
        return jdbc.sql("select c.id from msg_member m join msg_conversation c "
                        + "on c.tenant_id = m.tenant_id and c.id = m.conversation_id "
                        + "where m.tenant_id = :tenant and m.user_id = :user and c.kind <> 'DIRECT' order by c.id")
                .param("tenant", tenantId).param("user", userId).query(String.class).list();
    }

    /** Takes the next message seq; the row must be locked by the caller's transaction. */
    /**
     * The next seq of a conversation this transaction has {@link #lock locked}: the lock keeps
     * {@code lastSeq} current, so no second read is needed.
     */
    long nextSeq(StoredConversation locked, Instant at) {
        long seq = locked.lastSeq() + 1;
        int updated = jdbc.sql("update msg_conversation set last_seq = :seq, last_activity = :at "
                        + "where tenant_id = :tenant and id = :id and last_seq = :last")
                .param("seq", seq).param("at", Timestamp.from(at)).param("tenant", locked.tenantId())
                .param("id", locked.id()).param("last", locked.lastSeq()).update();
        if (updated != 1) {
            throw new IllegalStateException("Conversation " + locked.id() + " changed while locked");
        }
        return seq;
    }

    void rename(long tenantId, String id, String name) {
        jdbc.sql("update msg_conversation set name = :name where tenant_id = :tenant and id = :id")
                .param("name", name).param("tenant", tenantId).param("id", id).update();
    }

    void setOwner(long tenantId, String id, String ownerId) {
        jdbc.sql("update msg_conversation set owner_id = :owner where tenant_id = :tenant and id = :id")
                .param("owner", ownerId).param("tenant", tenantId).param("id", id).update();
    }

    void dismiss(long tenantId, String id) {
        jdbc.sql("update msg_conversation set dismissed = true where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).update();
    }

    void addMembers(long tenantId, String id, List<NewMember> members, long joinedSeq, Instant at) {
        List<Object[]> rows = new ArrayList<>(members.size());
        for (NewMember m : members) {
            rows.add(new Object[] {tenantId, id, m.userId(), m.name(), m.role().name(), joinedSeq, joinedSeq,
                    Timestamp.from(at)});
        }
        template.batchUpdate("insert into msg_member (tenant_id, conversation_id, user_id, name, role, joined_seq, "
                + "read_seq, mention_seq, joined_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?)", rows);
        countMembers(tenantId, id);
    }

    void removeMember(long tenantId, String id, String userId) {
        jdbc.sql("delete from msg_member where tenant_id = :tenant and conversation_id = :id and user_id = :user")
                .param("tenant", tenantId).param("id", id).param("user", userId).update();
        countMembers(tenantId, id);
    }

    private void countMembers(long tenantId, String id) {
        jdbc.sql("update msg_conversation set member_count = (select count(*) from msg_member m "
                        + "where m.tenant_id = :tenant and m.conversation_id = :id) where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).update();
    }

    void setRole(long tenantId, String id, String userId, MemberRole role) {
        jdbc.sql("update msg_member set role = :role where tenant_id = :tenant and conversation_id = :id "
                        + "and user_id = :user")
                .param("role", role.name()).param("tenant", tenantId).param("id", id).param("user", userId).update();
    }

    void renameMember(long tenantId, String userId, String name) {
        jdbc.sql("update msg_member set name = :name where tenant_id = :tenant and user_id = :user")
                .param("name", name).param("tenant", tenantId).param("user", userId).update();
    }

    Optional<StoredMember> member(long tenantId, String id, String userId) {
        return jdbc.sql("select " + MEMBER_COLUMNS + " from msg_member where tenant_id = :tenant "
                        + "and conversation_id = :id and user_id = :user")
                .param("tenant", tenantId).param("id", id).param("user", userId)
                .query(ConversationRepository::member).optional();
    }

    List<StoredMember> members(long tenantId, String id) {
        return jdbc.sql("select " + MEMBER_COLUMNS + " from msg_member where tenant_id = :tenant "
                        + "and conversation_id = :id order by joined_at, user_id")
                .param("tenant", tenantId).param("id", id).query(ConversationRepository::member).list();
    }

    List<String> memberIds(long tenantId, String id) {
        return jdbc.sql("select user_id from msg_member where tenant_id = :tenant and conversation_id = :id")
                .param("tenant", tenantId).param("id", id).query(String.class).list();
    }

    /** Which of these people are members. */
    List<String> membersAmong(long tenantId, String id, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select user_id from msg_member where tenant_id = :tenant and conversation_id = :id "
                        + "and user_id in (:users)")
                .param("tenant", tenantId).param("id", id).param("users", userIds).query(String.class).list();
    }

    /** Marks the newest message that mentions these members. */
    void mention(long tenantId, String id, Collection<String> userIds, long seq) {
        if (userIds.isEmpty()) {
            return;
        }
        jdbc.sql("update msg_member set mention_seq = :seq where tenant_id = :tenant and conversation_id = :id "
                        + "and user_id in (:users)")
                .param("seq", seq).param("tenant", tenantId).param("id", id).param("users", userIds).update();
    }

    void mentionAll(long tenantId, String id, String except, long seq) {
        jdbc.sql("update msg_member set mention_seq = :seq where tenant_id = :tenant and conversation_id = :id "
                        + "and user_id <> :except")
                .param("seq", seq).param("tenant", tenantId).param("id", id).param("except", except).update();
    }

    /**
     * Moves one member's read position forward; a position never moves back. One row per member
     * and conversation, whatever the number of messages or members.
     *
     * @return false when the position was already there or beyond
     */
    boolean moveReadPosition(long tenantId, String id, String userId, long seq, Instant at) {
        return jdbc.sql("update msg_member set read_seq = :seq, read_at = :at where tenant_id = :tenant "
                        + "and conversation_id = :id and user_id = :user and read_seq < :seq")
                .param("seq", seq).param("at", Timestamp.from(at)).param("tenant", tenantId).param("id", id)
                .param("user", userId).update() == 1;
    }

    static StoredConversation conversation(ResultSet rs, int n) throws SQLException {
        long departmentId = rs.getLong("department_id");
        Long department = rs.wasNull() ? null : departmentId;
        return new StoredConversation(rs.getLong("tenant_id"), rs.getString("id"),
                ConversationKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("owner_id"),
                rs.getString("pair_key"), department, rs.getLong("last_seq"),
                rs.getInt("member_count"), rs.getBoolean("dismissed"), instant(rs, "created_at"),
                instant(rs, "last_activity"));
    }

    static StoredMember member(ResultSet rs, int n) throws SQLException {
        return new StoredMember(rs.getString("user_id"), rs.getString("name"), MemberRole.valueOf(rs.getString("role")),
                rs.getLong("joined_seq"), rs.getLong("read_seq"), instant(rs, "read_at"), rs.getLong("mention_seq"),
                instant(rs, "joined_at"));
    }


    record NewMember(String userId, String name, MemberRole role) {
    }
}
