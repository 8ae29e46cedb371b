package kr.kaesongcrossing.pass;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import kr.kaesongcrossing.system.Batches;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anonymises passes whose validity ended before a cut-off (the trip's retention period): the holder's names, the
 * signed token (it carries them) and the photo go; the pass id, application, validity and revocation stay. A standing
 * permit's pass (no application) ends with its permit: at the end of its validity, or when it was revoked, whichever
 * comes first. Rows are marked {@code anonymised_at}; batches of {@value #BATCH} a transaction.
 */
@Service
public class PassRetention {

    static final int BATCH = 500;
    private static final String OLD = "anonymised_at IS NULL"
            + " AND (valid_until < :before OR (permit_id IS NOT NULL AND revoked_at < :before))";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    PassRetention(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public long countEndedBefore(Instant before) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM pass WHERE " + OLD, Map.of("before", Timestamp.from(before)),
                Long.class);
    }

    public long anonymiseEndedBefore(Instant before, Instant now) {
        return Batches.byKeys(transactions, BATCH, 0L, after -> jdbc.queryForList("SELECT id FROM pass WHERE id > :after"
                + " AND " + OLD + " ORDER BY id LIMIT " + BATCH,
                Map.of("after", after, "before", Timestamp.from(before)), Long.class), ids -> {
                    Map<String, Object> batch = Map.of("ids", ids, "now", Timestamp.from(now));
                    jdbc.update("DELETE FROM pass_photo WHERE pass_pk IN (:ids)", batch);
                    jdbc.update("UPDATE pass SET holder_name_korean = NULL, holder_name_latin = NULL, token = NULL,"
                            + " vehicle_plate = NULL,"
                            + " revocation_reason = NULL, anonymised_at = :now WHERE id IN (:ids)", batch);
                });
    }
}
