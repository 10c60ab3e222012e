package hk.lantau.installation;

import hk.lantau.tenant.NewOrganisation;

/** An organisation and the person who will administer it. */
public record NewOrganisationWithAdmin(NewOrganisation organisation, String adminName, String adminEmail,
                                       String adminMobile) {
}
