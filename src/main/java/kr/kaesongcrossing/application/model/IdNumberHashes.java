package kr.kaesongcrossing.application.model;

import java.util.List;
import kr.kaesongcrossing.system.Batches;
import kr.kaesongcrossing.system.DataCipher;
import kr.kaesongcrossing.system.IdentityHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills {@code travel_application.id_number_hash} at start-up for rows written before the column existed (or whose
 * hash retention or an operator cleared), in batches; {@link IdNumberHashing} keeps it in step on every write after.
 * Several instances starting together compute the same hashes, so they need no lock.
 */
@Component
class IdNumberHashes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdNumberHashes.class);
    private static final int BATCH = 500;

    private final IdentityHash hash;
    private final DataCipher cipher;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    IdNumberHashes(IdentityHash hash, DataCipher cipher, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.hash = hash;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        long filled = Batches.byKeys(transactions, BATCH, 0L, after -> jdbc.queryForList("SELECT id FROM"
                + " travel_application WHERE id > ? AND id_number_hash IS NULL AND id_number_encrypted IS NOT NULL"
                + " ORDER BY id LIMIT " + BATCH, Long.class, after), this::fill);
        if (filled > 0) {
            log.info("ID number hashes filled for {} applications", filled);
        }
    }

    private void fill(List<Long> ids) {
        for (Long id : ids) {
            String sealed = jdbc.queryForObject("SELECT id_number_encrypted FROM travel_application WHERE id = ?",
                    String.class, id);
            try {
                jdbc.update("UPDATE travel_application SET id_number_hash = ? WHERE id = ?",
                        hash.of(cipher.open(IdNumberConverter.PURPOSE, sealed)), id);
            } catch (IllegalStateException unreadable) { // another key: the row keeps no hash and is not matched
                log.warn("ID number of application {} cannot be opened; no hash", id);
            }
        }
    }
}
