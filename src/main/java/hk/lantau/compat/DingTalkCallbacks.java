package hk.lantau.compat;

import java.util.Optional;

/**
 * An app's DingTalk HTTP callback: where DingTalk's events are pushed, encrypted with the app's
 * token and AES key. One per app. Saving checks the URL with DingTalk's {@code check_url}
 * handshake first; nothing is stored when it fails. Changes are audited by the open platform.
 */
public interface DingTalkCallbacks {

    Optional<CallbackRegistration> find(long tenantId, long appId);

    /** Registers the first callback of the app; 409 {@code compat.callback_exists} when it has one. */
    CallbackRegistration register(long tenantId, long appId, CallbackRegistration registration);

    /** Replaces the app's callback; 404 {@code compat.callback_not_found} when it has none. */
    CallbackRegistration update(long tenantId, long appId, CallbackRegistration registration);

    /** Registers or replaces, as an admin sets it. */
    CallbackRegistration save(long tenantId, long appId, CallbackRegistration registration);

    /** Removes it and what it still owes; 404 {@code compat.callback_not_found} when there is none. */
    void delete(long tenantId, long appId);
}
