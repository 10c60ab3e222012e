package hk.lantau.compat.web;

import hk.lantau.compat.CallbackRegistration;
import hk.lantau.compat.DingTalkCallbacks;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Deliveries;
import hk.lantau.openplatform.DeliveryQuery;
import hk.lantau.openplatform.DeliveryStatus;
import hk.lantau.openplatform.DeliveryView;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * DingTalk's legacy callback registration ({@code /call_back/...}) for the calling app's own
 * callback: registering and updating check the URL with the {@code check_url} handshake (71009
 * when it does not answer an encrypted success), 71006 when one exists, 71007 when there is none.
 * {@code get_call_back} answers the token and AES key, as DingTalk does, to the app itself only.
 */
@RestController
class CallBackController {

    /** The failed events {@code get_call_back_failed_result} answers at once, as DingTalk pages them. */
    private static final int FAILED_PAGE = 200;

    private final DingTalkCallbacks callbacks;
    private final Deliveries deliveries;
    private final CallingApp apps;

    CallBackController(DingTalkCallbacks callbacks, Deliveries deliveries, CallingApp apps) {
        this.callbacks = callbacks;
        this.deliveries = deliveries;
        this.apps = apps;
    }

    @RequiresScope(Scope.EVENT_SUBSCRIBE)
    @RequestMapping(path = "/call_back/register_call_back", method = RequestMethod.POST)
    ResponseEntity<Map<String, Object>> register(DingTalkRequest body) {
        Actor actor = CurrentActor.get();
        callbacks.register(actor.requireTenant(), apps.of(actor).id(), registration(body));
        return OldReply.ok();
    }

    @RequiresScope(Scope.EVENT_SUBSCRIBE)
    @RequestMapping(path = "/call_back/update_call_back", method = RequestMethod.POST)
    ResponseEntity<Map<String, Object>> update(DingTalkRequest body) {
        Actor actor = CurrentActor.get();
        callbacks.update(actor.requireTenant(), apps.of(actor).id(), registration(body));
        return OldReply.ok();
    }

    @RequiresScope(Scope.EVENT_SUBSCRIBE)
    @RequestMapping(path = "/call_back/get_call_back", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<Map<String, Object>> get() {
        CallbackRegistration registration = current();
        return OldReply.with(Wire.object()
                .put("call_back_tag", registration.tags())
                .put("token", registration.token())
                .put("aes_key", registration.aesKey())
                .put("url", registration.url()).map());
    }

    @RequiresScope(Scope.EVENT_SUBSCRIBE)
    @RequestMapping(path = "/call_back/delete_call_back", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<Map<String, Object>> delete() {
        Actor actor = CurrentActor.get();
        callbacks.delete(actor.requireTenant(), apps.of(actor).id());
        return OldReply.ok();
    }

    /** Events whose retries ran out, newest first: their time, type and id (the plaintext's {@code eventId}). */
    @RequiresScope(Scope.EVENT_SUBSCRIBE)
    @RequestMapping(path = "/call_back/get_call_back_failed_result",
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<Map<String, Object>> failed() {
        Actor actor = CurrentActor.get();
        CallbackRegistration registration = current();
        CursorPage<DeliveryView> page = deliveries.search(actor.requireTenant(), apps.of(actor).id(),
                new DeliveryQuery(registration.id(), null, DeliveryStatus.DEAD, null, null), null, FAILED_PAGE);
        List<Map<String, Object>> failed = page.items().stream().map(d -> Wire.object()
                .put("event_time", d.eventTime().toEpochMilli())
                .put("call_back_tag", d.eventType())
                .put("event_id", d.eventId()).map()).toList();
        return OldReply.with(Wire.object().put("has_more", page.nextCursor() != null)
                .put("failed_list", failed).map());
    }

    private CallbackRegistration current() {
        Actor actor = CurrentActor.get();
        return callbacks.find(actor.requireTenant(), apps.of(actor).id())
                .orElseThrow(() -> DingTalkException.business(71007, "回调不存在", 404, "callbackNotExist"));
    }

    private static CallbackRegistration registration(DingTalkRequest body) {
        List<String> tags = body.texts("call_back_tag");
        if (tags == null || tags.isEmpty()) {
            throw DingTalkException.missingParameter("call_back_tag");
        }
        return new CallbackRegistration(0, tags, body.requireText("token"), body.requireText("aes_key"),
                body.requireText("url"), false);
    }
}
