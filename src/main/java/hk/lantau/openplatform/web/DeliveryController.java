package hk.lantau.openplatform.web;

import hk.lantau.openplatform.Deliveries;
import hk.lantau.openplatform.DeliveryQuery;
import hk.lantau.openplatform.DeliveryStatus;
import hk.lantau.openplatform.DeliveryView;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PeopleOnly
@Tag(name = "Webhooks")
class DeliveryController {

    private final Deliveries deliveries;

    DeliveryController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping("/api/v1/apps/{appId}/deliveries")
    @Operation(summary = "Search an app's delivery log",
            description = "Newest event first, each delivery with every attempt (time, HTTP status or error, "
                    + "latency, the first 1 KB of the answer). from/to filter event times (ISO-8601 with offset, "
                    + "to excluded); pass nextCursor as cursor for the next page. Kept for 180 days after a "
                    + "delivery's last activity.")
    CursorPage<DeliveryView> search(@PathVariable long appId, @RequestParam(required = false) Long subscriptionId,
                                    @RequestParam(required = false) @Size(max = 60) String eventType,
                                    @RequestParam(required = false) DeliveryStatus status,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                                    @RequestParam(required = false) @Size(max = 200) String cursor,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return deliveries.search(admin(), appId,
                new DeliveryQuery(subscriptionId, eventType, status, instant(from), instant(to)), cursor, limit);
    }

    @GetMapping("/api/v1/apps/{appId}/deliveries/{deliveryId}")
    @Operation(summary = "One delivery with every attempt")
    DeliveryView get(@PathVariable long appId, @PathVariable long deliveryId) {
        return deliveries.get(admin(), appId, deliveryId);
    }

    @PostMapping("/api/v1/apps/{appId}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send a delivery's event again, with the same event id",
            description = "The delivery becomes pending with a fresh 24-hour retry window; its earlier attempts stay "
                    + "in the log.")
    DeliveryView replay(@PathVariable long appId, @PathVariable long deliveryId) {
        return deliveries.replay(admin(), appId, deliveryId);
    }

    @PostMapping("/api/v1/apps/{appId}/deliveries/replay")
    @Operation(summary = "Replay every delivery of a subscription whose event time is in [from, to)")
    ReplayResult replayRange(@PathVariable long appId, @Valid @RequestBody ReplayRequest request) {
        int count = deliveries.replay(admin(), appId, request.subscriptionId(), instant(request.from()),
                instant(request.to()));
        return new ReplayResult(count);
    }

    private static long admin() {
        return CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    record ReplayRequest(@NotNull Long subscriptionId, OffsetDateTime from, OffsetDateTime to) {
    }

    record ReplayResult(int replayed) {
    }
}
