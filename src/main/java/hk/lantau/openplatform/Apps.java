package hk.lantau.openplatform;

import java.util.List;
import java.util.Optional;

/** Looks up an organisation's apps; changes go through the app administration API. */
public interface Apps {

    /** The app, or empty when it does not exist in this organisation. */
    Optional<AppView> find(long tenantId, long appId);

    Optional<AppView> findByKey(long tenantId, String appKey);

    List<AppView> list(long tenantId);
}
