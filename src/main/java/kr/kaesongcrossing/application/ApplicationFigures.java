package kr.kaesongcrossing.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures the home pages show about applications: each one an indexed COUNT or a short, limited list, so that
 * a home page stays fast with a hundred thousand applications (V69).
 */
@Component
public class ApplicationFigures {

    /** How long a submitted application may wait before the officer's home page counts it as late. */
    static final Duration LATE = Duration.ofDays(2);
    private static final int LIST_LIMIT = 10;

    /** The review queue: how many wait, how many for more than two days, and the one waiting longest. */
    public record QueueAge(long waiting, long overTwoDays, String oldestReference, Long oldestId,
            Instant oldestSubmittedAt) {

        public String oldestSubmittedText() {
            return oldestSubmittedAt == null ? null : OfficeTime.minutes(oldestSubmittedAt);
        }
    }

    /** Applications awaiting the counterpart's consent for one slot. */
    public record ConsentWait(SlotKey slot, long applications) {
    }

    /** One of a civilian's applications on their home page. */
    public record MyApplication(long id, String reference, ApplicationStatus status, LocalDate entryDate,
            LocalDate returnDate, SlotKey northboundSlot, SlotKey southboundSlot) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ApplicationFigures(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public QueueAge queueAge() {
        Long waiting = jdbc.queryForObject(
                "SELECT COUNT(*) FROM travel_application WHERE status = 'SUBMITTED'", Long.class);
        Long late = jdbc.queryForObject("SELECT COUNT(*) FROM travel_application WHERE status = 'SUBMITTED' "
                + "AND submitted_at < ?", Long.class, utc(clock.instant().minus(LATE)));
        List<QueueAge> oldest = jdbc.query("SELECT id, reference, submitted_at FROM travel_application "
                + "WHERE status = 'SUBMITTED' AND submitted_at IS NOT NULL ORDER BY submitted_at, id LIMIT 1",
                (rs, n) -> new QueueAge(waiting, late, rs.getString("reference"), rs.getLong("id"),
                        rs.getObject("submitted_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)));
        return oldest.isEmpty() ? new QueueAge(waiting, late, null, null, null) : oldest.get(0);
    }

    /** Applications awaiting consent by their northbound slot (the counterpart consents to a slot's list). */
    @Transactional(readOnly = true)
    public List<ConsentWait> awaitingConsentBySlot() {
        return jdbc.query("SELECT northbound_slot, COUNT(*) n FROM travel_application "
                + "WHERE status = 'AWAITING_CONSENT' GROUP BY northbound_slot ORDER BY northbound_slot", (rs, n) ->
                new ConsentWait(SlotKey.parse(rs.getString("northbound_slot")).orElse(null),
                        rs.getLong("n")));
    }

    /** Trips approved for travel that a watch-list entry added later holds (listed after approval). */
    @Transactional(readOnly = true)
    public long heldAfterApproval() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM travel_application WHERE watchlist_hold = TRUE "
                + "AND status = 'APPROVED_FOR_TRAVEL'", Long.class);
        return count == null ? 0 : count;
    }

    /** How many decisions (sent back, refused, sent for consent, approved) {@code officerId} made today (KST). */
    @Transactional(readOnly = true)
    public long decisionsToday(long officerId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM application_status_change WHERE actor_id = ? "
                + "AND changed_at >= ? AND to_status IN ('INFORMATION_REQUESTED', 'REJECTED', 'AWAITING_CONSENT', "
                + "'APPROVED_FOR_TRAVEL')", Long.class, officerId,
                utc(OfficeTime.startOfDay(OfficeTime.today(clock))));
        return count == null ? 0 : count;
    }

    /** {@code applicantId}'s next trip approved for travel (returning today or later), if any. */
    @Transactional(readOnly = true)
    public MyApplication nextTrip(long applicantId) {
        return jdbc.query(SELECT_MINE + "WHERE applicant_id = ? AND status = 'APPROVED_FOR_TRAVEL' "
                + "AND return_date >= ? ORDER BY entry_date, id LIMIT 1", ApplicationFigures::mine, applicantId,
                OfficeTime.today(clock))
                .stream().findFirst().orElse(null);
    }

    /** {@code applicantId}'s applications waiting for them: sent back for information, then drafts. */
    @Transactional(readOnly = true)
    public List<MyApplication> needingAction(long applicantId) {
        return jdbc.query(SELECT_MINE + "WHERE applicant_id = ? AND status IN ('INFORMATION_REQUESTED', 'DRAFT') "
                + "ORDER BY status DESC, created_at DESC LIMIT " + LIST_LIMIT, ApplicationFigures::mine, applicantId);
    }

    /** The ids of {@code applicantId}'s applications that went to travel (their passes are in the crossing log). */
    @Transactional(readOnly = true)
    public List<Long> travelled(long applicantId) {
        return jdbc.queryForList("SELECT id FROM travel_application WHERE applicant_id = ? "
                + "AND status = 'APPROVED_FOR_TRAVEL'", Long.class, applicantId);
    }

    private static final String SELECT_MINE = "SELECT id, reference, status, entry_date, return_date, "
            + "northbound_slot, southbound_slot FROM travel_application ";

    private static MyApplication mine(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new MyApplication(rs.getLong("id"), rs.getString("reference"),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getObject("entry_date", LocalDate.class),
                rs.getObject("return_date", LocalDate.class),
                SlotKey.parse(rs.getString("northbound_slot")).orElse(null),
                SlotKey.parse(rs.getString("southbound_slot")).orElse(null));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
