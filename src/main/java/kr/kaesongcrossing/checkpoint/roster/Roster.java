package kr.kaesongcrossing.checkpoint.roster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import kr.kaesongcrossing.checkpoint.scan.Direction;
import kr.kaesongcrossing.checkpoint.scan.Gate;
import kr.kaesongcrossing.checkpoint.scan.Position;
import kr.kaesongcrossing.checkpoint.scan.ScanReason;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is across now (in transit between two gates or inside the office zone), by the crossing log: passes no
 * longer valid first, then people in transit longer than {@code kc.gates.transit-alert} (default 45 minutes: the
 * road takes 10-20), then overstays.
 */
@Service
public class Roster {

    /**
     * A person across. {@code alert} when the pass is no longer valid (revoked, or expired): they are let out,
     * then reported. {@code overstay} when now is past the pass's end or past the end (KST) of the trip's planned
     * return day. {@code transitTooLong} when in transit longer than the transit alert since their last gate.
     */
    public record Across(String passId, Long applicationId, String holderNameKorean, String holderNameLatin,
            Position.Place place, Gate gate, Direction direction, Instant since, long minutes, String lane,
            LocalDate plannedReturn, Instant validUntil, String reference, boolean overstay, boolean transitTooLong,
            ScanReason alert, boolean vehicle) {

        public String sinceText() {
            return OfficeTime.minutes(since);
        }

        public String validUntilText() {
            return OfficeTime.lastValidMinute(validUntil);
        }

        public boolean inTransit() {
            return place == Position.Place.IN_TRANSIT;
        }
    }

    /** The roster's summary: people inside and in transit and vehicles across counted apart, and the problems. */
    public record Counts(long inside, long inTransit, long vehicles, long transitTooLong, long overstays,
            long alerts) {

        /** The summary of a list from {@link #across()}. */
        public static Counts of(List<Across> across) {
            return new Counts(across.stream().filter(a -> !a.vehicle() && !a.inTransit()).count(),
                    across.stream().filter(a -> !a.vehicle() && a.inTransit()).count(),
                    across.stream().filter(Across::vehicle).count(),
                    across.stream().filter(Across::transitTooLong).count(),
                    across.stream().filter(Across::overstay).count(),
                    across.stream().filter(a -> a.alert() != null).count());
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration transitAlert;

    Roster(JdbcTemplate jdbc, Clock clock, @Value("${kc.gates.transit-alert:PT45M}") Duration transitAlert) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transitAlert = transitAlert;
    }

    /** Minutes in transit after which someone is flagged. */
    public long transitAlertMinutes() {
        return transitAlert.toMinutes();
    }

    /** How many are in transit longer than the transit alert (the staff home pages flag them). */
    @Transactional(readOnly = true)
    public int transitTooLong() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM pass_presence WHERE position = 'IN_TRANSIT' "
                + "AND since <= ?", Integer.class,
                LocalDateTime.ofInstant(clock.instant().minus(transitAlert), ZoneOffset.UTC));
        return count == null ? 0 : count;
    }

    /** The summary of {@link #across()} (the live numbers push it to the open pages). */
    @Transactional(readOnly = true)
    public Counts counts() {
        return Counts.of(across());
    }

    /** Everyone across now, problems first (the day close picks those due back from it). */
    @Transactional(readOnly = true)
    public List<Across> across() {
        Instant now = clock.instant();
        return jdbc.query("""
                SELECT p.pass_id, p.application_id, p.holder_name_korean, p.holder_name_latin, p.position, p.last_gate,
                       p.last_direction, p.since, p.lane, p.valid_until, p.revoked, p.vehicle, t.return_date, t.reference
                FROM pass_presence p LEFT JOIN checkpoint_trip t ON t.application_id = p.application_id
                WHERE p.position <> 'SOUTH' ORDER BY p.since""", (rs, n) -> {
                    LocalDateTime validUntil = rs.getObject("valid_until", LocalDateTime.class);
                    LocalDate plannedReturn = rs.getObject("return_date", LocalDate.class);
                    Instant end = validUntil == null ? null : validUntil.toInstant(ZoneOffset.UTC);
                    boolean expired = end != null && !now.isBefore(end);
                    boolean overstay = expired || (plannedReturn != null
                            && !now.isBefore(OfficeTime.endOfDay(plannedReturn)));
                    ScanReason alert = rs.getBoolean("revoked") ? ScanReason.REVOKED
                            : expired ? ScanReason.EXPIRED : null;
                    Position.Place place = Position.Place.valueOf(rs.getString("position"));
                    String gate = rs.getString("last_gate");
                    String direction = rs.getString("last_direction");
                    Instant since = rs.getObject("since", LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    Duration passed = Duration.between(since, now);
                    return new Across(rs.getString("pass_id"), rs.getObject("application_id", Long.class),
                            rs.getString("holder_name_korean"),
                            rs.getString("holder_name_latin"), place, gate == null ? null : Gate.valueOf(gate),
                            direction == null ? null : Direction.valueOf(direction), since,
                            Math.max(0, passed.toMinutes()), rs.getString("lane"), plannedReturn, end,
                            rs.getString("reference"), overstay,
                            place == Position.Place.IN_TRANSIT && passed.compareTo(transitAlert) >= 0, alert,
                            rs.getBoolean("vehicle"));
                }).stream()
                .sorted(Comparator.comparing((Across a) -> a.alert() == null)
                        .thenComparing(a -> !a.transitTooLong()).thenComparing(a -> !a.overstay()))
                .toList();
    }
}
