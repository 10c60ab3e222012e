package hk.lantau.compliance;

import java.util.List;

/** Recomputes audit chains to detect records that were changed, deleted or reordered in the database. */
public interface AuditVerification {

    /** The installation chain's number; organisations' chains are numbered by their id. */
    long INSTALLATION_CHAIN = 0L;

    /** Verifies one organisation's chain, or the installation chain for {@code null}. */
    ChainVerification verify(Long tenantId);

    /** Verifies every chain, installation first. */
    List<ChainVerification> verifyAll();
}
