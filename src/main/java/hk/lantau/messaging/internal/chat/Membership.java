package hk.lantau.messaging.internal.chat;

import hk.lantau.directory.DirectoryUser;
import hk.lantau.messaging.ConversationKind;
import hk.lantau.messaging.Conversations;
import hk.lantau.messaging.MemberRole;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who is in a group and who manages it: the checks, and the changes with their system notice and
 * {@code conversation.updated} event. Used by people's API and by the directory's changes alike.
 */
@Component
class Membership {

    private final ConversationRepository conversations;
    private final Notices notices;
    private final ChatEvents events;
    private final ApplicationEventPublisher audit;
    private final Clock clock;

    Membership(ConversationRepository conversations, Notices notices, ChatEvents events,
               ApplicationEventPublisher audit, Clock clock) {
        this.conversations = conversations;
        this.notices = notices;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    StoredMember memberOf(long tenantId, String conversationId, String userId) {
        return conversations.member(tenantId, conversationId, userId).orElseThrow(ChatErrors::conversationNotFound);
    }

    /** A group the person belongs to, locked for a change; refused when it was dismissed. */
    StoredConversation group(long tenantId, String conversationId, String userId) {
        StoredConversation conversation = conversations.lock(tenantId, conversationId)
                .orElseThrow(ChatErrors::conversationNotFound);
        memberOf(tenantId, conversationId, userId);
        if (conversation.kind() == ConversationKind.DIRECT) {
            throw ChatErrors.notAGroup();
        }
        if (conversation.dismissed()) {
            throw ChatErrors.dismissed();
        }
        return conversation;
    }

    StoredConversation managedGroup(long tenantId, String conversationId, String userId) {
        StoredConversation group = group(tenantId, conversationId, userId);
        if (!memberOf(tenantId, conversationId, userId).role().manages()) {
            throw ChatErrors.notManager();
        }
        return group;
    }

    StoredConversation ownedGroup(long tenantId, String conversationId, String userId) {
        StoredConversation group = group(tenantId, conversationId, userId);
        if (memberOf(tenantId, conversationId, userId).role() != MemberRole.OWNER) {
            throw ChatErrors.notOwner();
        }
        return group;
    }

    /** Adds people (not members yet) to a locked group; they see the messages from here on. */
    void add(StoredConversation group, List<DirectoryUser> people, String byName) {
        if (people.isEmpty()) {
            return;
        }
        long tenantId = group.tenantId();
        int count = conversations.memberIds(tenantId, group.id()).size();
        if (count + people.size() > Conversations.MAX_MEMBERS) {
            throw ChatErrors.groupFull();
        }
        long lastSeq = conversations.find(tenantId, group.id()).orElseThrow().lastSeq();
        conversations.addMembers(tenantId, group.id(), people.stream().map(p ->
                new ConversationRepository.NewMember(p.userId(), p.name(), MemberRole.MEMBER)).toList(),
                lastSeq, clock.instant().truncatedTo(ChronoUnit.MICROS));
        List<String> names = people.stream().map(DirectoryUser::name).toList();
        if (byName == null) {
            notices.post(tenantId, group.id(), "joined", ConversationService.names(names));
        } else {
            notices.post(tenantId, group.id(), "added", byName, ConversationService.names(names));
        }
        updated(tenantId, group.id(), "members", people.stream().map(DirectoryUser::userId).toList());
    }

    /** Removes a member; {@code how} is the notice: {@code left} or {@code removed}. */
    void remove(StoredConversation group, StoredMember member, String how) {
        long tenantId = group.tenantId();
        if (!conversations.find(tenantId, group.id()).orElseThrow().dismissed()) {
            notices.post(tenantId, group.id(), how, member.name());
        }
        conversations.removeMember(tenantId, group.id(), member.userId());
        Set<String> told = new LinkedHashSet<>(conversations.memberIds(tenantId, group.id()));
        told.add(member.userId());
        events.send(tenantId, told, ChatEvents.CONVERSATION_UPDATED, ChatEvents.payload("conversationId", group.id(),
                "change", "members", "userIds", List.of(member.userId()),
                "conversation", conversations.find(tenantId, group.id()).orElseThrow().info()));
    }

    void transfer(StoredConversation group, String fromUserId, StoredMember to) {
        long tenantId = group.tenantId();
        conversations.setRole(tenantId, group.id(), fromUserId, MemberRole.ADMIN);
        conversations.setRole(tenantId, group.id(), to.userId(), MemberRole.OWNER);
        conversations.setOwner(tenantId, group.id(), to.userId());
        audit.publishEvent(new ChatAudit(tenantId, "messaging.group.ownership_transferred", "conversation",
                group.id(), Map.of("from", fromUserId, "to", to.userId())));
        notices.post(tenantId, group.id(), "owner", to.name());
        updated(tenantId, group.id(), "owner", List.of(fromUserId, to.userId()));
    }

    /** Closes a group, after a last notice ({@code noticeKey} with its arguments). */
    void dismiss(StoredConversation group, String noticeKey, Object... noticeArgs) {
        long tenantId = group.tenantId();
        notices.post(tenantId, group.id(), noticeKey, noticeArgs);
        conversations.dismiss(tenantId, group.id());
        audit.publishEvent(new ChatAudit(tenantId, "messaging.group.dismissed", "conversation", group.id(),
                Map.of("name", group.name(), "members", group.memberCount())));
        updated(tenantId, group.id(), "dismissed", List.of());
    }

    /** Tells every member that the conversation changed, with what a client needs to show it. */
    void updated(long tenantId, String conversationId, String change, Collection<String> userIds) {
        events.send(tenantId, conversations.memberIds(tenantId, conversationId), ChatEvents.CONVERSATION_UPDATED,
                ChatEvents.payload("conversationId", conversationId, "change", change,
                        "userIds", new ArrayList<>(userIds),
                        "conversation", conversations.find(tenantId, conversationId).orElseThrow().info()));
    }
}
