package kr.kaesongcrossing.notification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Mail that could not be delivered, counted for the administrator's home page (an index on status, V69). */
@Component
public class MailFigures {

    private final JdbcTemplate jdbc;

    MailFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public long failed() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE status = 'FAILED'", Long.class);
        return count == null ? 0 : count;
    }
}
