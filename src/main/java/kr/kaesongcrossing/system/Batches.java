package kr.kaesongcrossing.system;

import java.util.function.IntSupplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work on many rows as a series of short transactions (retention jobs): each batch locks at most {@code size} rows
 * and commits, so a long run never holds locks on a big table, and a run that stops goes on where it stopped.
 */
public final class Batches {

    private Batches() {
    }

    /** Runs {@code batch} (which returns how many rows it did) in a transaction each, until one does fewer than size. */
    public static long untilDone(TransactionTemplate transactions, int size, IntSupplier batch) {
        long done = 0;
        int rows;
        do {
            rows = transactions.execute(status -> batch.getAsInt());
            done += rows;
        } while (rows >= size);
        return done;
    }
}
