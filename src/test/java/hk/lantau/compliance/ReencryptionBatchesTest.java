package hk.lantau.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

class ReencryptionBatchesTest {

    private final List<Long> rows = LongStream.rangeClosed(1, 5).boxed().toList();
    private final List<List<Long>> transactions = new ArrayList<>();

    @Test
    void walksEveryRowInIdOrderABatchPerTransactionAndCountsWhatChanged() {
        List<Long> seen = new ArrayList<>();
        int rewritten = ReencryptionParticipant.inBatches(recordingTx(), 2, this::after, Long::longValue, id -> {
            seen.add(id);
            transactions.get(transactions.size() - 1).add(id);
            return id % 2 == 1;
        });

        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(transactions).containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
        assertThat(rewritten).as("only rows whose value changed count").isEqualTo(3);
    }

    @Test
    void anEmptyTableTakesNoTransaction() {
        int rewritten = ReencryptionParticipant.inBatches(recordingTx(), 2, (id, limit) -> List.<Long>of(),
                Long::longValue, id -> true);

        assertThat(rewritten).isZero();
        assertThat(transactions).isEmpty();
    }

    private List<Long> after(long id, int limit) {
        return rows.stream().filter(r -> r > id).limit(limit).toList();
    }

    private TransactionOperations recordingTx() {
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                transactions.add(new ArrayList<>());
                return action.doInTransaction(null);
            }
        };
    }
}
