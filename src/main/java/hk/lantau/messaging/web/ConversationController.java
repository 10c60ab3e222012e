package hk.lantau.messaging.web;

import hk.lantau.messaging.ConversationView;
import hk.lantau.messaging.Conversations;
import hk.lantau.messaging.MemberRole;
import hk.lantau.messaging.MemberView;
import hk.lantau.messaging.ReadPosition;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PeopleOnly
@Tag(name = "Conversations", description = "The signed-in person's direct chats and groups; conversations they "
        + "are not a member of answer 404 messaging.conversation_not_found")
class ConversationController {

    private final Conversations conversations;

    ConversationController(Conversations conversations) {
        this.conversations = conversations;
    }

    @GetMapping("/api/v1/conversations")
    @Operation(summary = "My conversations, the most recently active first",
            description = "Each with its last message, unread count and whether an unread message mentions me. "
                    + "limit 1-100 (default 30); follow nextCursor for the next page.")
    CursorPage<ConversationView> list(@RequestParam(required = false) String cursor,
                                      @RequestParam(defaultValue = "30") int limit) {
        Actor me = People.current();
        return conversations.list(me.tenantId(), me.userId(), cursor, limit);
    }

    @PostMapping("/api/v1/conversations/direct")
    @Operation(summary = "Open the direct conversation with a person",
            description = "There is one per pair: 201 when this call created it, 200 when it existed. Opening one "
                    + "with yourself gives your own notes.")
    ResponseEntity<ConversationView> direct(@Valid @RequestBody DirectRequest request) {
        Actor me = People.current();
        Conversations.Opened opened = conversations.openDirect(me.tenantId(), me.userId(), request.userId());
        return opened.created()
                ? ResponseEntity.created(location(opened.conversation())).body(opened.conversation())
                : ResponseEntity.ok(opened.conversation());
    }

    @PostMapping("/api/v1/conversations/groups")
    @Operation(summary = "Create a group; I become its owner",
            description = "name 1-60 characters; at most 1,000 members including me (409 messaging.group_full).")
    ResponseEntity<ConversationView> group(@Valid @RequestBody GroupRequest request) {
        Actor me = People.current();
        ConversationView view = conversations.createGroup(me.tenantId(), me.userId(), request.name(),
                request.memberIds());
        return ResponseEntity.created(location(view)).body(view);
    }

    @PostMapping("/api/v1/conversations/department-groups")
    @Operation(summary = "Create a department's group, whose members follow the directory (needs directory.write)")
    ResponseEntity<ConversationView> departmentGroup(@Valid @RequestBody DepartmentGroupRequest request) {
        Actor me = People.current();
        CurrentActor.require(Permission.DIRECTORY_WRITE);
        ConversationView view = conversations.createDepartmentGroup(me.tenantId(), me.userId(),
                request.departmentId());
        return ResponseEntity.created(location(view)).body(view);
    }

    @GetMapping("/api/v1/conversations/{id}")
    @Operation(summary = "One of my conversations")
    ConversationView get(@PathVariable String id) {
        Actor me = People.current();
        return conversations.get(me.tenantId(), me.userId(), id);
    }

    @PatchMapping("/api/v1/conversations/{id}")
    @Operation(summary = "Rename a group (owner or admins)")
    ConversationView rename(@PathVariable String id, @Valid @RequestBody RenameRequest request) {
        Actor me = People.current();
        return conversations.rename(me.tenantId(), me.userId(), id, request.name());
    }

    @DeleteMapping("/api/v1/conversations/{id}")
    @Operation(summary = "Dismiss a group (owner): its history stays readable, nobody can post any more")
    ConversationView dismiss(@PathVariable String id) {
        Actor me = People.current();
        return conversations.dismiss(me.tenantId(), me.userId(), id);
    }

    @GetMapping("/api/v1/conversations/{id}/members")
    @Operation(summary = "The members with their role and read position")
    List<MemberView> members(@PathVariable String id) {
        Actor me = People.current();
        return conversations.members(me.tenantId(), me.userId(), id);
    }

    @PostMapping("/api/v1/conversations/{id}/members")
    @Operation(summary = "Add people to a group (owner or admins); they see the messages from now on")
    ConversationView addMembers(@PathVariable String id, @Valid @RequestBody MembersRequest request) {
        Actor me = People.current();
        return conversations.addMembers(me.tenantId(), me.userId(), id, request.userIds());
    }

    @DeleteMapping("/api/v1/conversations/{id}/members/{userId}")
    @Operation(summary = "Remove a member, or leave the group by naming yourself (204)",
            description = "Admins remove members; the owner removes anyone. The owner hands the group over before "
                    + "leaving (409 messaging.owner_must_transfer).")
    ResponseEntity<ConversationView> removeMember(@PathVariable String id, @PathVariable String userId) {
        Actor me = People.current();
        ConversationView view = conversations.removeMember(me.tenantId(), me.userId(), id, userId);
        return view == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(view);
    }

    @PutMapping("/api/v1/conversations/{id}/members/{userId}/role")
    @Operation(summary = "Make a member an admin, or an admin a member again (owner)")
    ConversationView role(@PathVariable String id, @PathVariable String userId,
                          @Valid @RequestBody RoleRequest request) {
        Actor me = People.current();
        return conversations.setRole(me.tenantId(), me.userId(), id, userId, request.role());
    }

    @PostMapping("/api/v1/conversations/{id}/owner")
    @Operation(summary = "Hand the group to another member (owner); the old owner stays as an admin")
    ConversationView transfer(@PathVariable String id, @Valid @RequestBody OwnerRequest request) {
        Actor me = People.current();
        return conversations.transferOwnership(me.tenantId(), me.userId(), id, request.userId());
    }

    @PostMapping("/api/v1/conversations/{id}/read")
    @Operation(summary = "Move my read position forward to a message's seq",
            description = "Never moves back; a seq beyond the last message stops at the last. The senders of the "
                    + "messages now read get a conversation.read event on their stream.")
    ReadPosition read(@PathVariable String id, @Valid @RequestBody ReadRequest request) {
        Actor me = People.current();
        return conversations.markRead(me.tenantId(), me.userId(), id, request.seq());
    }

    private static URI location(ConversationView view) {
        return URI.create("/api/v1/conversations/" + view.id());
    }

    record DirectRequest(@NotBlank @Size(max = 64) String userId) {
    }

    record GroupRequest(String name, @Size(max = 1000) List<@NotBlank @Size(max = 64) String> memberIds) {
    }

    record DepartmentGroupRequest(@NotNull Long departmentId) {
    }

    record RenameRequest(String name) {
    }

    record MembersRequest(@NotNull @Size(min = 1, max = 1000) List<@NotBlank @Size(max = 64) String> userIds) {
    }

    record RoleRequest(MemberRole role) {
    }

    record OwnerRequest(@NotBlank @Size(max = 64) String userId) {
    }

    record ReadRequest(@NotNull Long seq) {
    }
}
