package kr.kaesongcrossing.account;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The accounts needing an administrator's attention, counted for the administrator's home page. */
@Component
public class AccountFigures {

    /** Locked now after failed sign-ins; staff (enabled) without an authenticator app or a passkey. */
    public record Attention(long locked, long staffWithoutSecondFactor) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AccountFigures(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Attention attention() {
        Long locked = jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE locked_until > ?", Long.class,
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        Long bare = jdbc.queryForObject("""
                SELECT COUNT(*) FROM user_account a WHERE a.role <> 'CIVILIAN' AND a.enabled = TRUE
                AND NOT EXISTS (SELECT 1 FROM totp_factor t WHERE t.account_id = a.id AND t.confirmed_at IS NOT NULL)
                AND NOT EXISTS (SELECT 1 FROM user_credentials c JOIN user_entities e ON e.id = c.user_entity_user_id
                                WHERE e.name = a.email)""", Long.class);
        return new Attention(locked == null ? 0 : locked, bare == null ? 0 : bare);
    }
}
