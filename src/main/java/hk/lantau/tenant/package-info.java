/**
 * Organisations (tenants): their corpId, edition and limits, data-residency region, time zone and
 * organisation-wide settings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations")
package hk.lantau.tenant;
