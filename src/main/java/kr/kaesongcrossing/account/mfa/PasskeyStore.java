package kr.kaesongcrossing.account.mfa;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's passkeys, as Spring Security's JDBC repositories keep them ({@code user_credentials} under a
 * {@code user_entities} row named by the account's email). Every statement is scoped to the account, so nobody
 * lists or deletes another person's passkey.
 */
@Component
class PasskeyStore {

    /** One passkey as its owner sees it; {@code id} is the credential id (base64url), public, never a secret. */
    record Passkey(String id, String label, Instant created, Instant lastUsed) {

        public String createdShown() {
            return created == null ? "" : OfficeTime.minutes(created);
        }

        /** None yet: Spring records a new passkey as last used when it was made. */
        public String lastUsedShown() {
            return lastUsed == null || lastUsed.equals(created) ? null : OfficeTime.minutes(lastUsed);
        }
    }

    private static final String OF_ACCOUNT = " FROM user_credentials c JOIN user_entities e"
            + " ON e.id = c.user_entity_user_id JOIN user_account a ON a.email = e.name WHERE a.id = ?";

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    PasskeyStore(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    List<Passkey> of(long accountId) {
        return jdbc.query("SELECT c.credential_id, c.label, c.created, c.last_used" + OF_ACCOUNT
                + " ORDER BY c.created, c.credential_id", (rs, row) -> new Passkey(rs.getString(1), rs.getString(2),
                        instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4))), accountId);
    }

    @Transactional(readOnly = true)
    int count(long accountId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*)" + OF_ACCOUNT, Integer.class, accountId);
        return count == null ? 0 : count;
    }

    /** What deleting one passkey did. */
    enum Deletion { DELETED, ONLY_ONE_LEFT, NOT_FOUND }

    /**
     * Deletes one of the account's passkeys; with {@code keepOne}, not the last one. Decided under a lock on the
     * account's user handle, so two deletions at once cannot each leave the other's passkey as the last one.
     */
    @RetryOnWriteConflict
    @Transactional
    Deletion delete(long accountId, String credentialId, boolean keepOne) {
        List<String> handle = jdbc.queryForList("SELECT id FROM user_entities WHERE name ="
                + " (SELECT email FROM user_account WHERE id = ?) FOR UPDATE", String.class, accountId);
        if (handle.isEmpty()) {
            return Deletion.NOT_FOUND;
        }
        if (keepOne && count(accountId) <= 1) {
            return jdbc.queryForObject("SELECT COUNT(*) FROM user_credentials WHERE credential_id = ?"
                    + " AND user_entity_user_id = ?", Integer.class, credentialId, handle.get(0)) == 1
                    ? Deletion.ONLY_ONE_LEFT : Deletion.NOT_FOUND;
        }
        if (jdbc.update("DELETE FROM user_credentials WHERE credential_id = ? AND user_entity_user_id = ?",
                credentialId, handle.get(0)) != 1) {
            return Deletion.NOT_FOUND;
        }
        audit.record("mfa.passkey-deleted", Subject.of("account", accountId), null);
        return Deletion.DELETED;
    }

    /** Deletes every passkey of the account, and its WebAuthn user handle. */
    @RetryOnWriteConflict
    @Transactional
    int deleteAll(long accountId) {
        return jdbc.update("DELETE FROM user_entities WHERE name = (SELECT a.email FROM user_account a"
                + " WHERE a.id = ?)", accountId);
    }

    /** An administrator reset the account's second factors: its passkeys go too, in the same transaction. */
    @EventListener
    void onReset(SecondFactorsReset reset) {
        int passkeys = count(reset.accountId());
        deleteAll(reset.accountId());
        audit.record("mfa.passkeys-reset", Subject.of("account", reset.accountId()), "deleted=" + passkeys);
    }

    /** Timestamps as Spring's JdbcUserCredentialRepository writes them ({@code Timestamp.from}), read back alike. */
    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
