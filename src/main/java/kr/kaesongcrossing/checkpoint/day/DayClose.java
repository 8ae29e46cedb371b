package kr.kaesongcrossing.checkpoint.day;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.kaesongcrossing.application.TravelApprovals;
import kr.kaesongcrossing.application.TripSlots;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.checkpoint.goods.GoodsLedger;
import kr.kaesongcrossing.checkpoint.roster.Roster;
import kr.kaesongcrossing.checkpoint.scan.Direction;
import kr.kaesongcrossing.checkpoint.scan.Gate;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The close of an office day (KST): who was due back south by that day and is still across now, who crossed that
 * day without a slot for their direction, the supervisor overrides of the day, and the scans per gate and
 * direction; and the supervisor's signature under it.
 */
@Service
class DayClose {

    /** Someone across now who was due back south by the day ({@code dueBack}: the southbound slot's day or return). */
    record DueBack(Roster.Across person, LocalDate dueBack) {
    }

    /** An accepted crossing of the day, by the log. */
    record Crossing(String nameKorean, String nameLatin, Gate gate, Direction direction, Instant at, String lane,
            String officer) {

        public String atText() {
            return OfficeTime.minutes(at);
        }
    }

    /** A refused scan a supervisor let through: {@code refusedFor} is the refusal's reason code. */
    record Override(Crossing crossing, String refusedFor, String supervisor, String reason) {
    }

    /** Scans of the day at one gate in one direction. */
    record Count(Gate gate, Direction direction, int accepted, int rejected) {
    }

    record Report(LocalDate day, String asOf, List<DueBack> dueBack, List<Crossing> withoutSlot,
            List<Override> overrides, List<Count> counts, Optional<DaySignOff> signOff) {
    }

    private static final String CROSSING_COLUMNS = "l.holder_name_korean, l.holder_name_latin, l.gate, l.direction, "
            + "l.scanned_at, l.lane, l.operator_name";

    private final JdbcTemplate jdbc;
    private final Roster roster;
    private final TravelApprovals approvals;
    private final DaySignOffRepository signOffs;
    private final AuditTrail audit;
    private final GoodsLedger goods;
    private final Clock clock;

    DayClose(JdbcTemplate jdbc, Roster roster, TravelApprovals approvals, DaySignOffRepository signOffs,
            AuditTrail audit, GoodsLedger goods, Clock clock) {
        this.jdbc = jdbc;
        this.roster = roster;
        this.approvals = approvals;
        this.signOffs = signOffs;
        this.audit = audit;
        this.goods = goods;
        this.clock = clock;
    }

    LocalDate today() {
        return OfficeTime.today(clock);
    }

    @Transactional(readOnly = true)
    Report report(LocalDate day) {
        LocalDateTime from = utc(OfficeTime.startOfDay(day));
        LocalDateTime until = utc(OfficeTime.endOfDay(day));
        return new Report(day, OfficeTime.minutes(clock.instant()), dueBack(day), withoutSlot(from, until),
                overrides(from, until), counts(from, until), signOffs.findById(day));
    }

    /**
     * Signs the day off; a day signed already is refused with who signed it and when. Open goods differences do not
     * hold it up (they are followed up on /checkpoint/goods): the signature records how many were open.
     */
    @RetryOnWriteConflict
    @Transactional
    void sign(LocalDate day, String note, long accountId, String name) {
        Optional<DaySignOff> signed = signOffs.findById(day);
        if (signed.isPresent()) {
            throw alreadySigned(signed.get());
        }
        int openGoods = goods.openUpTo(day).size();
        try {
            signOffs.saveAndFlush(new DaySignOff(day, accountId, name, note, openGoods, clock.instant()));
        } catch (DataIntegrityViolationException e) { // another supervisor signed it at the same moment
            throw new DayCloseRefused("day signed meanwhile", "checkpoint.day.refused.concurrent");
        }
        audit.record("checkpoint.day-signed", Subject.of("day", day), "openGoodsDifferences=" + openGoods);
    }

    private static DayCloseRefused alreadySigned(DaySignOff signed) {
        return new DayCloseRefused("day already signed", "checkpoint.day.refused.signed", signed.getSignedByName(),
                signed.getSignedAtText());
    }

    private List<DueBack> dueBack(LocalDate day) {
        List<Roster.Across> across = roster.across();
        Map<Long, TripSlots> slots = slotsOf(across.stream().map(Roster.Across::applicationId).toList());
        return across.stream()
                .map(a -> new DueBack(a, a.applicationId() == null || !slots.containsKey(a.applicationId())
                        ? a.plannedReturn() : slots.get(a.applicationId()).dueBack()))
                .filter(d -> d.dueBack() != null && !d.dueBack().isAfter(day))
                .sorted(Comparator.comparing(DueBack::dueBack))
                .toList();
    }

    private List<Crossing> withoutSlot(LocalDateTime from, LocalDateTime until) {
        record Accepted(long applicationId, Crossing crossing) {
        }
        List<Accepted> accepted = jdbc.query("SELECT l.application_id, " + CROSSING_COLUMNS + " FROM crossing_log l "
                + "WHERE l.result = 'ACCEPTED' AND l.application_id IS NOT NULL AND l.scanned_at >= ? "
                + "AND l.scanned_at < ? ORDER BY l.scanned_at, l.id",
                (rs, n) -> new Accepted(rs.getLong("application_id"), crossing(rs)), from, until);
        Map<Long, TripSlots> slots = slotsOf(accepted.stream().map(Accepted::applicationId).toList());
        return accepted.stream().filter(a -> {
            TripSlots trip = slots.get(a.applicationId());
            return trip == null || (a.crossing().direction() == Direction.NORTHBOUND ? !trip.northboundSlot()
                    : !trip.southboundSlot());
        }).map(Accepted::crossing).toList();
    }

    private List<Override> overrides(LocalDateTime from, LocalDateTime until) {
        return jdbc.query("SELECT " + CROSSING_COLUMNS + ", l.supervisor_name, l.override_reason, r.reason "
                + "FROM crossing_log l LEFT JOIN crossing_log r ON r.scan_id = l.override_of "
                + "WHERE l.is_override = TRUE AND l.scanned_at >= ? AND l.scanned_at < ? ORDER BY l.scanned_at, l.id",
                (rs, n) -> new Override(crossing(rs), rs.getString("reason"), rs.getString("supervisor_name"),
                        rs.getString("override_reason")), from, until);
    }

    private List<Count> counts(LocalDateTime from, LocalDateTime until) {
        return jdbc.query("SELECT gate, direction, SUM(CASE WHEN result = 'ACCEPTED' THEN 1 ELSE 0 END) AS accepted, "
                + "SUM(CASE WHEN result = 'ACCEPTED' THEN 0 ELSE 1 END) AS rejected FROM crossing_log "
                + "WHERE scanned_at >= ? AND scanned_at < ? GROUP BY gate, direction ORDER BY gate, direction",
                (rs, n) -> new Count(Gate.valueOf(rs.getString("gate")), Direction.valueOf(rs.getString("direction")),
                        rs.getInt("accepted"), rs.getInt("rejected")), from, until);
    }

    private Map<Long, TripSlots> slotsOf(List<Long> applicationIds) {
        return approvals.tripSlots(applicationIds.stream().filter(id -> id != null).distinct().toList()).stream()
                .collect(Collectors.toMap(TripSlots::applicationId, Function.identity()));
    }

    private static Crossing crossing(ResultSet rs) throws SQLException {
        return new Crossing(rs.getString("holder_name_korean"), rs.getString("holder_name_latin"),
                Gate.valueOf(rs.getString("gate")), Direction.valueOf(rs.getString("direction")),
                rs.getObject("scanned_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString("lane"),
                rs.getString("operator_name"));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
