package hk.lantau.tenant;

import java.time.Instant;
import java.time.ZoneId;

/** An organisation as other modules and the API see it. */
public record Organisation(long id, String corpId, String name, DataRegion region, ZoneId timeZone,
                           Edition edition, Status status, boolean selfJoinEnabled, Instant createdAt) {

    public enum Status { ACTIVE, SUSPENDED }
}
