package hk.lantau.compliance;

/**
 * The result of walking one audit chain.
 *
 * @param chain          the organisation's id, or 0 for the installation chain
 * @param recordsChecked records whose hash was checked before the walk ended
 * @param firstBrokenSeq the first position that fails, {@code null} when intact
 * @param reason         {@code hash_mismatch} (a record was changed), {@code sequence_gap} (a record was
 *                       deleted), {@code prev_hash_mismatch} (records were reordered or replaced) or
 *                       {@code head_mismatch} (the chain head disagrees with the last record);
 *                       {@code null} when intact
 */
public record ChainVerification(long chain, boolean intact, long recordsChecked, Long firstBrokenSeq,
                                String reason) {

    public static final String HASH_MISMATCH = "hash_mismatch";
    public static final String SEQUENCE_GAP = "sequence_gap";
    public static final String PREV_HASH_MISMATCH = "prev_hash_mismatch";
    public static final String HEAD_MISMATCH = "head_mismatch";

    public static ChainVerification intact(long chain, long recordsChecked) {
        return new ChainVerification(chain, true, recordsChecked, null, null);
    }

    public static ChainVerification broken(long chain, long recordsChecked, long seq, String reason) {
        return new ChainVerification(chain, false, recordsChecked, seq, reason);
    }
}
