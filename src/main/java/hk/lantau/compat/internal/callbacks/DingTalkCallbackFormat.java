package hk.lantau.compat.internal.callbacks;

import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.openplatform.DeliveryFormat;
import hk.lantau.openplatform.FormattedDelivery;
import hk.lantau.openplatform.OutgoingCall;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Sends the open platform's deliveries in DingTalk's encrypted callback format, the owner key the app key. */
@Component
class DingTalkCallbackFormat implements DeliveryFormat {

    static final String NAME = "dingtalk";

    private final Apps apps;
    private final Clock clock;

    DingTalkCallbackFormat(Apps apps, Clock clock) {
        this.apps = apps;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OutgoingCall prepare(FormattedDelivery delivery) {
        String appKey = apps.find(delivery.tenantId(), delivery.appId()).map(AppView::appKey).orElseThrow();
        return new CallbackCall(delivery.callbackUrl(), CallbackKeys.parse(delivery.secret()), appKey,
                delivery.body(), clock.millis());
    }
}
