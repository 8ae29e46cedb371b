package kr.kaesongcrossing.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import kr.kaesongcrossing.system.Batches;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Deletes outbound mails created before a cut-off, {@value #BATCH} a transaction. */
@Service
public class MailRetention {

    static final int BATCH = 500;
    private static final String OLD = "created_at < :before";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    MailRetention(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public long countCreatedBefore(Instant before) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE " + OLD,
                Map.of("before", Timestamp.from(before)), Long.class);
    }

    public long deleteCreatedBefore(Instant before) {
        return Batches.byKeys(transactions, BATCH, 0L, after -> jdbc.queryForList("SELECT id FROM outbound_mail"
                + " WHERE id > :after AND " + OLD + " ORDER BY id LIMIT " + BATCH,
                Map.of("after", after, "before", Timestamp.from(before)), Long.class),
                ids -> jdbc.update("DELETE FROM outbound_mail WHERE id IN (:ids)", Map.of("ids", ids)));
    }
}
