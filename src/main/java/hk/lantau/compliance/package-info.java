/**
 * PDPO compliance: protection of sensitive personal fields (encryption, masking, audited reveal),
 * the tamper-evident audit trail, and later data-subject requests, retention and residency.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance")
package hk.lantau.compliance;
