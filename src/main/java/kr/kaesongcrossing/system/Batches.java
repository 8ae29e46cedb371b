package kr.kaesongcrossing.system;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work on many rows as a series of short transactions (retention jobs): each batch locks at most {@code size} rows
 * and commits, so a long run never holds locks on a big table, and a run that stops goes on where it stopped.
 */
public final class Batches {

    private Batches() {
    }

    /**
     * Keyset batches: {@code idsAfter} gives at most {@code size} ids after the one it is passed (first {@code start}),
     * in id order; {@code action} does its work on them, in the same transaction. Each batch reads on from the last id,
     * so what is left is never sorted again and rows the action leaves matching are not read twice. Returns how many
     * ids the actions were given.
     */
    public static <K> long byKeys(TransactionTemplate transactions, int size, K start, Function<K, List<K>> idsAfter,
            Consumer<List<K>> action) {
        long done = 0;
        K after = start;
        int rows;
        do {
            K from = after;
            List<K> ids = transactions.execute(status -> {
                List<K> batch = idsAfter.apply(from);
                if (!batch.isEmpty()) {
                    action.accept(batch);
                }
                return batch;
            });
            rows = ids.size();
            if (rows > 0) {
                after = ids.get(rows - 1);
            }
            done += rows;
        } while (rows >= size);
        return done;
    }
}
