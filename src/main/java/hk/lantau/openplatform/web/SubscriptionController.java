package hk.lantau.openplatform.web;

import hk.lantau.openplatform.PlatformEventType;
import hk.lantau.openplatform.SubscriptionChange;
import hk.lantau.openplatform.SubscriptionDraft;
import hk.lantau.openplatform.SubscriptionHost;
import hk.lantau.openplatform.SubscriptionHosts;
import hk.lantau.openplatform.SubscriptionSecret;
import hk.lantau.openplatform.SubscriptionView;
import hk.lantau.openplatform.Subscriptions;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.Permission;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PeopleOnly
@Tag(name = "Webhooks", description = "Apps' event subscriptions and the internal hosts they may call; "
        + "every call needs the permission to manage apps")
class SubscriptionController {

    private final Subscriptions subscriptions;
    private final SubscriptionHosts hosts;

    SubscriptionController(Subscriptions subscriptions, SubscriptionHosts hosts) {
        this.subscriptions = subscriptions;
        this.hosts = hosts;
    }

    @GetMapping("/api/v1/webhooks/event-types")
    @Operation(summary = "The event types apps can subscribe to, with the scopes each needs")
    List<EventTypeView> eventTypes() {
        admin();
        return Arrays.stream(PlatformEventType.values()).map(EventTypeView::of).toList();
    }

    @GetMapping("/api/v1/apps/{appId}/subscriptions")
    @Operation(summary = "An app's subscriptions")
    List<SubscriptionView> list(@PathVariable long appId) {
        return subscriptions.list(admin(), appId);
    }

    @PostMapping("/api/v1/apps/{appId}/subscriptions")
    @Operation(summary = "Subscribe an app to event types",
            description = "callbackUrl must be https (http only for an allowed host) and must not resolve to an "
                    + "internal address unless its host is allowed. Each type needs the app to hold event.subscribe "
                    + "and the type's read scope, else 400 openplatform.scope_missing naming it. The answer carries "
                    + "the signing secret: it is shown this once.")
    ResponseEntity<SubscriptionSecret> create(@PathVariable long appId, @Valid @RequestBody CreateRequest request) {
        SubscriptionSecret created = subscriptions.create(admin(), appId,
                new SubscriptionDraft(request.callbackUrl(), request.eventTypes()));
        return ResponseEntity.created(URI.create("/api/v1/apps/" + appId + "/subscriptions/"
                        + created.subscription().id()))
                .cacheControl(CacheControl.noStore()).body(created);
    }

    @GetMapping("/api/v1/apps/{appId}/subscriptions/{subscriptionId}")
    @Operation(summary = "One subscription; pausedReason is admin or failing (no success for days)")
    SubscriptionView get(@PathVariable long appId, @PathVariable long subscriptionId) {
        return subscriptions.get(admin(), appId, subscriptionId);
    }

    @PatchMapping("/api/v1/apps/{appId}/subscriptions/{subscriptionId}")
    @Operation(summary = "Change a subscription's callback URL or event types; absent fields stay")
    SubscriptionView change(@PathVariable long appId, @PathVariable long subscriptionId,
                            @Valid @RequestBody ChangeRequest request) {
        return subscriptions.change(admin(), appId, subscriptionId,
                new SubscriptionChange(request.callbackUrl(), request.eventTypes()));
    }

    @PostMapping("/api/v1/apps/{appId}/subscriptions/{subscriptionId}/pause")
    @Operation(summary = "Pause a subscription: no new deliveries, owed ones wait")
    SubscriptionView pause(@PathVariable long appId, @PathVariable long subscriptionId) {
        return subscriptions.pause(admin(), appId, subscriptionId);
    }

    @PostMapping("/api/v1/apps/{appId}/subscriptions/{subscriptionId}/resume")
    @Operation(summary = "Resume a paused subscription; deliveries it owes go out again")
    SubscriptionView resume(@PathVariable long appId, @PathVariable long subscriptionId) {
        return subscriptions.resume(admin(), appId, subscriptionId);
    }

    @PostMapping("/api/v1/apps/{appId}/subscriptions/{subscriptionId}/rotate-secret")
    @Operation(summary = "Give a subscription a new signing secret, shown this once",
            description = "For 24 hours deliveries carry a signature with each secret, so the receiver can switch.")
    ResponseEntity<SubscriptionSecret> rotate(@PathVariable long appId, @PathVariable long subscriptionId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(subscriptions.rotateSecret(admin(), appId, subscriptionId));
    }

    @DeleteMapping("/api/v1/apps/{appId}/subscriptions/{subscriptionId}")
    @Operation(summary = "Delete a subscription; deliveries it still owes are cancelled, its log is kept")
    ResponseEntity<Void> delete(@PathVariable long appId, @PathVariable long subscriptionId) {
        subscriptions.delete(admin(), appId, subscriptionId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/webhooks/allowed-hosts")
    @Operation(summary = "Internal hosts callbacks may reach (and call over http)")
    List<SubscriptionHost> hosts() {
        return hosts.list(admin());
    }

    @PostMapping("/api/v1/webhooks/allowed-hosts")
    @Operation(summary = "Allow an internal host as a callback target",
            description = "A host name or IP address, without scheme or port.")
    ResponseEntity<SubscriptionHost> allow(@Valid @RequestBody HostRequest request) {
        SubscriptionHost host = hosts.allow(admin(), request.host());
        return ResponseEntity.created(URI.create("/api/v1/webhooks/allowed-hosts/" + host.host())).body(host);
    }

    @DeleteMapping("/api/v1/webhooks/allowed-hosts/{host:.+}")
    @Operation(summary = "Stop allowing an internal host; deliveries to it are refused from now on")
    ResponseEntity<Void> remove(@PathVariable String host) {
        hosts.remove(admin(), host);
        return ResponseEntity.noContent().build();
    }

    private static long admin() {
        return CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
    }

    record CreateRequest(@Size(max = 2000) String callbackUrl,
                         @Size(max = 20) List<@NotBlank @Size(max = 60) String> eventTypes) {
    }

    record ChangeRequest(@Size(max = 2000) String callbackUrl,
                         @Size(max = 20) List<@NotBlank @Size(max = 60) String> eventTypes) {
    }

    record HostRequest(@NotBlank @Size(max = 255) String host) {
    }

    record EventTypeView(String type, int version, List<String> scopes, String description) {

        static EventTypeView of(PlatformEventType type) {
            return new EventTypeView(type.key(), type.version(),
                    Stream.of(Scope.EVENT_SUBSCRIBE, type.readScope()).map(Scope::key).toList(), type.description());
        }
    }
}
