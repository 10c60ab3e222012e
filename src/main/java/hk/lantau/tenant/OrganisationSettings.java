package hk.lantau.tenant;

import java.time.ZoneId;

/** A partial change of an organisation's own settings; {@code null} leaves a value as it is. */
public record OrganisationSettings(String name, ZoneId timeZone, Boolean selfJoinEnabled) {
}
