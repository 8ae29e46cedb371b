package kr.kaesongcrossing.checkpoint;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import kr.kaesongcrossing.system.Batches;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Clears the holder's names from where-is-everyone rows of passes that ended before a cut-off, {@value #BATCH} a
 * transaction. Only for holders back in the South: someone still in transit or inside the zone keeps their name,
 * whatever their pass's dates, because the roster is how the office finds them.
 */
@Service
public class PresenceRetention {

    static final int BATCH = 500;
    private static final String OLD = "position = 'SOUTH' AND valid_until < :before"
            + " AND (holder_name_korean IS NOT NULL OR holder_name_latin IS NOT NULL)";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    PresenceRetention(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public long countEndedBefore(Instant before) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM pass_presence WHERE " + OLD,
                Map.of("before", Timestamp.from(before)), Long.class);
    }

    public long clearNamesEndedBefore(Instant before) {
        return Batches.byKeys(transactions, BATCH, "", after -> jdbc.queryForList("SELECT pass_id FROM pass_presence"
                + " WHERE pass_id > :after AND " + OLD + " ORDER BY pass_id LIMIT " + BATCH,
                Map.of("after", after, "before", Timestamp.from(before)), String.class),
                ids -> jdbc.update("UPDATE pass_presence SET holder_name_korean = NULL, holder_name_latin = NULL"
                        + " WHERE pass_id IN (:ids) AND " + OLD, Map.of("ids", ids, "before", Timestamp.from(before))));
    }
}
