package hk.lantau.tenant;

import java.time.ZoneId;

/** What the operator gives to create an organisation; region, zone and edition have defaults. */
public record NewOrganisation(String name, DataRegion region, ZoneId timeZone, Edition edition) {

    public NewOrganisation {
        region = region == null ? DataRegion.HK : region;
        timeZone = timeZone == null ? ZoneId.of("Asia/Hong_Kong") : timeZone;
        edition = edition == null ? Edition.FREE : edition;
    }
}
