package kr.kaesongcrossing.checkpoint;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import kr.kaesongcrossing.system.Batches;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crossing log rows scanned before a cut-off lose the link to the person (pass, application), the holder's names
 * and the free-text override reason; time, gate, direction, lane, result and reason stay for the statistics. Rows
 * are marked {@code anonymised_at}; batches of {@value #BATCH} a transaction.
 */
@Service
public class CrossingLogRetention {

    static final int BATCH = 500;
    private static final String OLD = "anonymised_at IS NULL AND scanned_at < :before";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    CrossingLogRetention(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public long countScannedBefore(Instant before) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log WHERE " + OLD,
                Map.of("before", Timestamp.from(before)), Long.class);
    }

    public long anonymiseScannedBefore(Instant before, Instant now) {
        return Batches.byKeys(transactions, BATCH, 0L, after -> jdbc.queryForList("SELECT id FROM crossing_log"
                + " WHERE id > :after AND " + OLD + " ORDER BY id LIMIT " + BATCH,
                Map.of("after", after, "before", Timestamp.from(before)), Long.class),
                ids -> jdbc.update("UPDATE crossing_log SET pass_id = NULL, application_id = NULL,"
                        + " holder_name_korean = NULL, holder_name_latin = NULL, override_reason = NULL,"
                        + " anonymised_at = :now WHERE id IN (:ids)", Map.of("ids", ids, "now", Timestamp.from(now))));
    }
}
