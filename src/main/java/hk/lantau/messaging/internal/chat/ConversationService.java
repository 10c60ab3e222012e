package hk.lantau.messaging.internal.chat;

import hk.lantau.directory.Departments;
import hk.lantau.directory.DepartmentMember;
import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.directory.Memberships;
import hk.lantau.directory.UserStatus;
import hk.lantau.messaging.ConversationKind;
import hk.lantau.messaging.ConversationView;
import hk.lantau.messaging.Conversations;
import hk.lantau.messaging.MemberRole;
import hk.lantau.messaging.MemberView;
import hk.lantau.messaging.ReadPosition;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Tokens;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People's conversations: opening, groups and their management, the list, read positions. */
@Service
class ConversationService implements Conversations {

    static final int MAX_NAME = 60;

    private final ConversationRepository conversations;
    private final ConversationList list;
    private final Membership membership;
    private final ReadPositions readPositions;
    private final Notices notices;
    private final ChatEvents events;
    private final Directory directory;
    private final Departments departments;
    private final Memberships departmentMembers;
    private final ApplicationEventPublisher audit;
    private final Clock clock;

    ConversationService(ConversationRepository conversations, ConversationList list, Membership membership,
                        ReadPositions readPositions, Notices notices, ChatEvents events, Directory directory,
                        Departments departments, Memberships departmentMembers, ApplicationEventPublisher audit,
                        Clock clock) {
        this.conversations = conversations;
        this.list = list;
        this.membership = membership;
        this.readPositions = readPositions;
        this.notices = notices;
        this.events = events;
        this.directory = directory;
        this.departments = departments;
        this.departmentMembers = departmentMembers;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Opened openDirect(long tenantId, String userId, String peerId) {
        DirectoryUser me = activeUser(tenantId, userId, "userId");
        DirectoryUser peer = activeUser(tenantId, peerId, "userId");
        String pairKey = userId.compareTo(peerId) <= 0 ? userId + "\n" + peerId : peerId + "\n" + userId;
        Instant now = now();
        StoredConversation fresh = new StoredConversation(tenantId, newId(), ConversationKind.DIRECT, null, null,
                pairKey, null, 0, 0, false, now, now);
        boolean created = conversations.insertDirect(fresh);
        StoredConversation conversation = conversations.findByPair(tenantId, pairKey).orElseThrow();
        if (created) {
            List<ConversationRepository.NewMember> members = new ArrayList<>();
            members.add(new ConversationRepository.NewMember(me.userId(), me.name(), MemberRole.MEMBER));
            if (!peerId.equals(userId)) {
                members.add(new ConversationRepository.NewMember(peer.userId(), peer.name(), MemberRole.MEMBER));
            }
            conversations.addMembers(tenantId, conversation.id(), members, 0, now);
        } else if (conversations.member(tenantId, conversation.id(), userId).isEmpty()) {
            // Erased members drop out of direct conversations too; a new chat with them starts afresh.
            throw ChatErrors.conversationNotFound();
        }
        return new Opened(list.view(tenantId, userId, conversation.id()), created);
    }

    @Override
    @Transactional
    public ConversationView createGroup(long tenantId, String userId, String name, Collection<String> memberIds) {
        String groupName = groupName(name);
        DirectoryUser owner = activeUser(tenantId, userId, "userId");
        Set<String> wanted = new LinkedHashSet<>(memberIds == null ? List.of() : memberIds);
        wanted.remove(userId);
        if (wanted.size() + 1 > MAX_MEMBERS) {
            throw ChatErrors.groupFull();
        }
        List<ConversationRepository.NewMember> members = new ArrayList<>();
        members.add(new ConversationRepository.NewMember(owner.userId(), owner.name(), MemberRole.OWNER));
        for (String id : wanted) {
            DirectoryUser user = activeUser(tenantId, id, "memberIds");
            members.add(new ConversationRepository.NewMember(user.userId(), user.name(), MemberRole.MEMBER));
        }
        Instant now = now();
        String id = newId();
        conversations.insert(new StoredConversation(tenantId, id, ConversationKind.GROUP, groupName, userId, null,
                null, 0, 0, false, now, now));
        conversations.addMembers(tenantId, id, members, 0, now);
        notices.post(tenantId, id, "created", owner.name(), groupName);
        return list.view(tenantId, userId, id);
    }

    @Override
    @Transactional
    public ConversationView createDepartmentGroup(long tenantId, String userId, long departmentId) {
        var department = departments.get(tenantId, departmentId);
        if (conversations.findByDepartment(tenantId, departmentId).isPresent()) {
            throw LantauException.conflict("messaging.department_group_exists",
                    "This department has a group already.");
        }
        DirectoryUser owner = activeUser(tenantId, userId, "userId");
        List<ConversationRepository.NewMember> members = new ArrayList<>();
        members.add(new ConversationRepository.NewMember(owner.userId(), owner.name(), MemberRole.OWNER));
        String cursor = null;
        do {
            CursorPage<DepartmentMember> page = departmentMembers.members(tenantId, departmentId, cursor, 200);
            for (DepartmentMember m : page.items()) {
                if (m.status() == UserStatus.ACTIVE && !m.userId().equals(userId)) {
                    members.add(new ConversationRepository.NewMember(m.userId(), m.name(), MemberRole.MEMBER));
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        if (members.size() > MAX_MEMBERS) {
            throw ChatErrors.groupFull();
        }
        String name = department.name().length() > MAX_NAME ? department.name().substring(0, MAX_NAME)
                : department.name();
        Instant now = now();
        String id = newId();
        conversations.insert(new StoredConversation(tenantId, id, ConversationKind.DEPARTMENT, name, userId, null,
                departmentId, 0, 0, false, now, now));
        conversations.addMembers(tenantId, id, members, 0, now);
        audit.publishEvent(new ChatAudit(tenantId, "messaging.department_group.created", "conversation", id,
                Map.of("departmentId", departmentId, "name", name, "members", members.size())));
        notices.post(tenantId, id, "created", owner.name(), name);
        return list.view(tenantId, userId, id);
    }

    @Override
    @Transactional(readOnly = true)
    public CursorPage<ConversationView> list(long tenantId, String userId, String cursor, int limit) {
        return list.page(tenantId, userId, cursor, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public ConversationView get(long tenantId, String userId, String conversationId) {
        return list.view(tenantId, userId, conversationId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<MemberView> members(long tenantId, String userId, String conversationId) {
        membership.memberOf(tenantId, conversationId, userId);
        return conversations.members(tenantId, conversationId).stream().map(StoredMember::view).toList();
    }

    @Override
    @Transactional
    public ConversationView rename(long tenantId, String userId, String conversationId, String name) {
        String groupName = groupName(name);
        StoredConversation group = membership.managedGroup(tenantId, conversationId, userId);
        if (!groupName.equals(group.name())) {
            conversations.rename(tenantId, conversationId, groupName);
            notices.post(tenantId, conversationId, "renamed", memberName(tenantId, conversationId, userId), groupName);
            membership.updated(tenantId, conversationId, "renamed", List.of());
        }
        return list.view(tenantId, userId, conversationId);
    }

    @Override
    @Transactional
    public ConversationView addMembers(long tenantId, String userId, String conversationId,
                                       Collection<String> memberIds) {
        StoredConversation group = membership.managedGroup(tenantId, conversationId, userId);
        if (group.kind() == ConversationKind.DEPARTMENT) {
            throw ChatErrors.departmentManaged();
        }
        Set<String> current = Set.copyOf(conversations.memberIds(tenantId, conversationId));
        List<DirectoryUser> added = new ArrayList<>();
        for (String id : new LinkedHashSet<>(memberIds == null ? List.<String>of() : memberIds)) {
            DirectoryUser user = activeUser(tenantId, id, "userIds");
            if (!current.contains(user.userId())) {
                added.add(user);
            }
        }
        membership.add(group, added, memberName(tenantId, conversationId, userId));
        return list.view(tenantId, userId, conversationId);
    }

    @Override
    @Transactional
    public ConversationView removeMember(long tenantId, String userId, String conversationId, String memberId) {
        StoredConversation group = membership.group(tenantId, conversationId, userId);
        StoredMember actor = membership.memberOf(tenantId, conversationId, userId);
        if (group.kind() == ConversationKind.DEPARTMENT) {
            throw ChatErrors.departmentManaged();
        }
        StoredMember target = conversations.member(tenantId, conversationId, memberId)
                .orElseThrow(ChatErrors::memberNotFound);
        if (memberId.equals(userId)) {
            if (actor.role() == MemberRole.OWNER) {
                throw LantauException.conflict("messaging.owner_must_transfer",
                        "Hand the group to another member before leaving it.");
            }
            membership.remove(group, target, "left");
            return null;
        }
        boolean allowed = actor.role() == MemberRole.OWNER
                || actor.role() == MemberRole.ADMIN && target.role() == MemberRole.MEMBER;
        if (!allowed) {
            throw actor.role() == MemberRole.MEMBER ? ChatErrors.notManager() : ChatErrors.notOwner();
        }
        membership.remove(group, target, "removed");
        return list.view(tenantId, userId, conversationId);
    }

    @Override
    @Transactional
    public ConversationView setRole(long tenantId, String userId, String conversationId, String memberId,
                                    MemberRole role) {
        if (role == null || role == MemberRole.OWNER) {
            throw LantauException.invalidField("role", "messaging.role_invalid",
                    "Choose ADMIN or MEMBER; the owner changes by a transfer.");
        }
        StoredConversation group = membership.ownedGroup(tenantId, conversationId, userId);
        StoredMember target = conversations.member(tenantId, conversationId, memberId)
                .orElseThrow(ChatErrors::memberNotFound);
        if (target.role() == MemberRole.OWNER) {
            throw LantauException.invalidField("userId", "messaging.role_invalid",
                    "The owner changes by a transfer.");
        }
        if (target.role() != role) {
            conversations.setRole(tenantId, group.id(), memberId, role);
            membership.updated(tenantId, group.id(), "roles", List.of(memberId));
        }
        return list.view(tenantId, userId, conversationId);
    }

    @Override
    @Transactional
    public ConversationView transferOwnership(long tenantId, String userId, String conversationId,
                                              String newOwnerId) {
        StoredConversation group = membership.ownedGroup(tenantId, conversationId, userId);
        StoredMember target = conversations.member(tenantId, conversationId, newOwnerId)
                .orElseThrow(ChatErrors::memberNotFound);
        if (!newOwnerId.equals(userId)) {
            membership.transfer(group, userId, target);
        }
        return list.view(tenantId, userId, conversationId);
    }

    @Override
    @Transactional
    public ConversationView dismiss(long tenantId, String userId, String conversationId) {
        StoredConversation group = membership.ownedGroup(tenantId, conversationId, userId);
        membership.dismiss(group, "dismissed", memberName(tenantId, conversationId, userId));
        return list.view(tenantId, userId, conversationId);
    }

    @Override
    @Transactional
    public ReadPosition markRead(long tenantId, String userId, String conversationId, long seq) {
        return readPositions.markRead(tenantId, userId, conversationId, seq);
    }

    private String memberName(long tenantId, String conversationId, String userId) {
        return conversations.member(tenantId, conversationId, userId).map(StoredMember::name).orElse(userId);
    }

    private DirectoryUser activeUser(long tenantId, String userId, String field) {
        if (userId == null || userId.isBlank()) {
            throw ChatErrors.userNotFound(field);
        }
        return directory.findUser(tenantId, userId).filter(DirectoryUser::active)
                .orElseThrow(() -> ChatErrors.userNotFound(field));
    }

    private static String groupName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > MAX_NAME) {
            throw LantauException.invalidField("name", "messaging.group_name_invalid",
                    "A group name has 1 to " + MAX_NAME + " characters.");
        }
        return trimmed;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Opaque and unguessable, in DingTalk's style. */
    static String newId() {
        return "cid" + Tokens.random(16);
    }

    static String names(Collection<String> names) {
        List<String> all = List.copyOf(names);
        return all.size() <= 10 ? String.join(", ", all)
                : all.subList(0, 10).stream().collect(Collectors.joining(", ")) + " +" + (all.size() - 10);
    }
}
