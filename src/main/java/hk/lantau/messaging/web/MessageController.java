package hk.lantau.messaging.web;

import hk.lantau.messaging.Mentions;
import hk.lantau.messaging.MessageContent;
import hk.lantau.messaging.MessageView;
import hk.lantau.messaging.Messages;
import hk.lantau.messaging.NewMessage;
import hk.lantau.messaging.Receipt;
import hk.lantau.messaging.SentMessage;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PeopleOnly
@Tag(name = "Messages", description = "Sending, history, recall, moderation and read receipts of a conversation")
class MessageController {

    private final Messages messages;

    MessageController(Messages messages) {
        this.messages = messages;
    }

    @PostMapping("/api/v1/conversations/{id}/messages")
    @Operation(summary = "Send a message",
            description = "content is {\"kind\":\"text\",\"text\":...} or markdown, link, actionCard, feedCard; text "
                    + "and markdown at most 5,000 characters, links http(s) only. mentions are members' userids; "
                    + "mentionAll needs owner or admin in groups of more than 50. mentionRobots are the robot codes "
                    + "(an app's key) of robots the message addresses: the app that created the group receives a "
                    + "text message that mentions it as DingTalk's robot message. A repeated clientMessageId answers "
                    + "200 with the message stored the first time; a new message answers 201. A dismissed group "
                    + "answers 409 messaging.conversation_dismissed.")
    ResponseEntity<MessageView> send(@PathVariable String id, @Valid @RequestBody SendRequest request) {
        Actor me = People.current();
        SentMessage sent = messages.send(me.tenantId(), me.userId(), me.name(), id, new NewMessage(request.content(),
                new Mentions(request.mentions() == null ? Set.of() : Set.copyOf(request.mentions()),
                        Boolean.TRUE.equals(request.mentionAll()),
                        request.mentionRobots() == null ? Set.of() : Set.copyOf(request.mentionRobots())),
                request.replyTo(), request.clientMessageId()));
        return sent.created()
                ? ResponseEntity.created(URI.create("/api/v1/conversations/" + id + "/messages/"
                + sent.message().id())).body(sent.message())
                : ResponseEntity.ok(sent.message());
    }

    @GetMapping("/api/v1/conversations/{id}/messages")
    @Operation(summary = "History, a page at a time",
            description = "Without after: the newest messages first, older ones with before=<nextCursor>. With "
                    + "after=<seq>: the messages after it, oldest first, to catch up (follow nextCursor as after). "
                    + "limit 1-100 (default 50). Only messages sent since I joined.")
    CursorPage<MessageView> history(@PathVariable String id, @RequestParam(required = false) Long before,
                                    @RequestParam(required = false) Long after,
                                    @RequestParam(defaultValue = "50") int limit) {
        Actor me = People.current();
        return messages.history(me.tenantId(), me.userId(), id, before, after, limit);
    }

    @PostMapping("/api/v1/conversations/{id}/messages/{messageId}/recall")
    @Operation(summary = "Recall my message within 24 hours; its content is deleted for everyone",
            description = "Someone else's message: 403 messaging.not_your_message. After 24 hours: 409 "
                    + "messaging.recall_window_passed.")
    MessageView recall(@PathVariable String id, @PathVariable long messageId) {
        Actor me = People.current();
        return messages.recall(me.tenantId(), me.userId(), id, messageId);
    }

    @PostMapping("/api/v1/conversations/{id}/messages/{messageId}/remove")
    @Operation(summary = "Remove anyone's message (needs messaging.moderate); audited with the reason")
    MessageView remove(@PathVariable String id, @PathVariable long messageId,
                       @Valid @RequestBody RemoveRequest request) {
        Actor me = People.current();
        CurrentActor.require(Permission.MESSAGES_MODERATE);
        return messages.remove(me.tenantId(), id, messageId, request.reason());
    }

    @GetMapping("/api/v1/conversations/{id}/messages/{messageId}/receipts")
    @Operation(summary = "Who has read a message and who has not",
            description = "Worked out from the members' read positions. The sender is in neither list, nor is anyone "
                    + "who joined after the message.")
    Receipt receipts(@PathVariable String id, @PathVariable long messageId) {
        Actor me = People.current();
        return messages.receipts(me.tenantId(), me.userId(), id, messageId);
    }

    record SendRequest(MessageContent content, @Size(max = 1000) List<@NotBlank @Size(max = 64) String> mentions,
                       Boolean mentionAll, @Size(max = 10) List<@NotBlank @Size(max = 64) String> mentionRobots,
                       Long replyTo, String clientMessageId) {
    }

    record RemoveRequest(String reason) {
    }
}
