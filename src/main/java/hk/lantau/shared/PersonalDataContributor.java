package hk.lantau.shared;

import java.util.Map;

/**
 * The contract every module that stores personal data implements, so that a data-access
 * request (PDPO s18) can collect one person's data from all modules and an erasure on request
 * or on leaving can remove or anonymise it everywhere.
 */
public interface PersonalDataContributor {

    /** A short stable name for this module's section of an export, e.g. {@code directory}. */
    String section();

    /**
     * Everything this module holds about the person, decrypted, as JSON-friendly values.
     * Called only for a data-access request that an authorised person has approved.
     */
    Map<String, Object> export(long tenantId, String userId);

    /**
     * Removes or anonymises the person's data. Records that must be kept (for example the audit
     * trail) are kept and reported in the result, with the reason.
     */
    ErasureResult erase(long tenantId, String userId);

    record ErasureResult(String section, int erased, int anonymised, Map<String, String> retained) {
    }
}
