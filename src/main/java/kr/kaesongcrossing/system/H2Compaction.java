package kr.kaesongcrossing.system;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file in proportion to its data (issue 20). With WRITE_DELAY=0 every commit writes a chunk of
 * its own and H2 runs no background writer, so nothing ever rewrites the chunks that later commits left nearly empty:
 * the file grew by about 10 KB per commit, for good. This does what that writer would: it rewrites the live pages of
 * the emptiest chunks (only chunks older than H2's retention time, 45 s, so a power cut still finds the previous
 * state) and moves chunks from the end of the file into the gaps, so the file shrinks. Like H2's writer it does
 * little at a time while scans are being committed (it holds the store's lock meanwhile, so every commit waits for
 * it) and catches up once they stop. Only with an H2 file; the file belongs to one instance, so no scheduler lock.
 */
@Component
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
class H2Compaction {

    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);

    /** H2's own default for its background compaction (AUTO_COMPACT_FILL_RATE). */
    private static final int TARGET_FILL_RATE = 90;
    /**
     * Live bytes rewritten and bytes moved per run while commits arrive, since every commit waits for the run: with the
     * idle budgets under a benchmark a run held the store for up to 0.7 s (paced p99 280 ms; 43 ms with these).
     */
    private static final int BUSY_REWRITE_BYTES = 1024 * 1024;
    private static final long BUSY_MOVE_BYTES = 4 * 1024 * 1024;
    /** The same when nothing was committed since the last run: the file is brought back to its data within a minute. */
    private static final int IDLE_REWRITE_BYTES = 16 * 1024 * 1024;
    private static final long IDLE_MOVE_BYTES = 64 * 1024 * 1024;

    private final DataSource dataSource;
    /** The store's version after the last run: unchanged at the next one means no commit came in between. */
    private long lastVersion = -1;

    H2Compaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(fixedDelayString = "${kc.h2.compact-interval}", initialDelayString = "${kc.h2.compact-interval}")
    void compact() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return;
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            if (!(store.getFileStore() instanceof RandomAccessStore file)) {
                return;
            }
            boolean idle = store.getCurrentVersion() == lastVersion;
            if (store.compact(TARGET_FILL_RATE, idle ? IDLE_REWRITE_BYTES : BUSY_REWRITE_BYTES)) {
                store.commit();
            }
            file.compactMoveChunks(TARGET_FILL_RATE, idle ? IDLE_MOVE_BYTES : BUSY_MOVE_BYTES, store);
            lastVersion = store.getCurrentVersion();
        } catch (SQLException | RuntimeException e) {
            log.warn("H2 file compaction failed: {}", e.toString());
        }
    }
}
