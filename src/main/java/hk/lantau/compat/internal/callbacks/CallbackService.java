package hk.lantau.compat.internal.callbacks;

import hk.lantau.compat.CallbackRegistration;
import hk.lantau.compat.DingTalkCallbacks;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.openplatform.FormattedSubscription;
import hk.lantau.openplatform.FormattedSubscriptions;
import hk.lantau.openplatform.SubscriptionStatus;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Registrations of DingTalk callbacks, kept as the open platform's subscriptions in the
 * {@code dingtalk} format. Input is checked first, then the URL with DingTalk's {@code check_url}
 * handshake, outside any transaction (a slow receiver holds no database connection), and only
 * then is the subscription saved.
 */
@Service
class CallbackService implements DingTalkCallbacks {

    private static final Pattern TOKEN = Pattern.compile("[a-zA-Z0-9]{3,32}");
    private static final Pattern AES_KEY = Pattern.compile("[a-zA-Z0-9]{43}");
    private static final String CHECK_URL = "{\"EventType\":\"check_url\"}";

    private final FormattedSubscriptions subscriptions;
    private final Apps apps;
    private final Clock clock;

    CallbackService(FormattedSubscriptions subscriptions, Apps apps, Clock clock) {
        this.subscriptions = subscriptions;
        this.apps = apps;
        this.clock = clock;
    }

    @Override
    public Optional<CallbackRegistration> find(long tenantId, long appId) {
        return subscriptions.find(tenantId, appId, DingTalkCallbackFormat.NAME).map(CallbackService::registration);
    }

    @Override
    public CallbackRegistration register(long tenantId, long appId, CallbackRegistration registration) {
        CallbackRegistration checked = checked(registration);
        if (find(tenantId, appId).isPresent()) {
            throw LantauException.conflict("compat.callback_exists", "This app has a callback already; update it.");
        }
        return store(tenantId, appId, checked);
    }

    @Override
    public CallbackRegistration update(long tenantId, long appId, CallbackRegistration registration) {
        CallbackRegistration checked = checked(registration);
        if (find(tenantId, appId).isEmpty()) {
            throw notFound();
        }
        return store(tenantId, appId, checked);
    }

    @Override
    public CallbackRegistration save(long tenantId, long appId, CallbackRegistration registration) {
        return store(tenantId, appId, checked(registration));
    }

    @Override
    public void delete(long tenantId, long appId) {
        if (!subscriptions.delete(tenantId, appId, DingTalkCallbackFormat.NAME)) {
            throw notFound();
        }
    }

    private CallbackRegistration store(long tenantId, long appId, CallbackRegistration registration) {
        AppView app = apps.find(tenantId, appId).orElseThrow(
                () -> LantauException.notFound("openplatform.app_not_found", "There is no such app."));
        CallbackKeys keys = new CallbackKeys(registration.token(), registration.aesKey());
        CallbackCall check = new CallbackCall(registration.url(), keys, app.appKey(), CHECK_URL, clock.millis());
        subscriptions.probe(tenantId, check).ifPresent(reason -> {
            throw LantauException.invalidField("url", "compat.callback_unanswered",
                    "The callback URL did not answer DingTalk's check with an encrypted success: " + reason);
        });
        return registration(subscriptions.save(tenantId, appId, DingTalkCallbackFormat.NAME, registration.url(),
                registration.tags(), keys.secret()));
    }

    private static CallbackRegistration checked(CallbackRegistration registration) {
        if (registration.token() == null || !TOKEN.matcher(registration.token()).matches()) {
            throw LantauException.invalidField("token", "compat.callback_token_invalid",
                    "A token is 3 to 32 letters and digits.");
        }
        if (registration.aesKey() == null || !AES_KEY.matcher(registration.aesKey()).matches()) {
            throw LantauException.invalidField("aes_key", "compat.callback_aes_key_invalid",
                    "An AES key is exactly 43 letters and digits.");
        }
        if (registration.url() == null || registration.url().isBlank()) {
            throw LantauException.invalidField("url", "compat.callback_url_missing", "A callback needs a URL.");
        }
        if (registration.tags().isEmpty()) {
            throw LantauException.invalidField("call_back_tag", "compat.callback_tag_unknown",
                    "Name at least one event type.");
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String tag : registration.tags()) {
            if (tag == null || CallbackTags.scope(tag).isEmpty()) {
                throw LantauException.invalidField("call_back_tag", "compat.callback_tag_unknown",
                        "Lantau raises no event type " + tag + ".");
            }
            tags.add(tag);
        }
        return new CallbackRegistration(0, List.copyOf(tags), registration.token(), registration.aesKey(),
                registration.url().strip(), false);
    }

    private static CallbackRegistration registration(FormattedSubscription s) {
        CallbackKeys keys = CallbackKeys.parse(s.secret());
        return new CallbackRegistration(s.id(), s.eventTypes(), keys.token(), keys.aesKey(), s.callbackUrl(),
                s.status() == SubscriptionStatus.PAUSED);
    }

    private static LantauException notFound() {
        return LantauException.notFound("compat.callback_not_found", "This app has no callback.");
    }
}
