package hk.lantau.installation;

import hk.lantau.identity.LoginLink;
import hk.lantau.tenant.Organisation;

/** A new organisation, its first admin's userid, and the admin's one-time setup link. */
public record ProvisionedOrganisation(Organisation organisation, String adminUserId, LoginLink adminSetupLink) {
}
