package kr.kaesongcrossing.checkpoint.goods;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.kaesongcrossing.application.DeclaredGoodsLine;
import kr.kaesongcrossing.application.TravelApprovals;
import kr.kaesongcrossing.application.TripGoods;
import kr.kaesongcrossing.application.TripSlots;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.checkpoint.scan.Direction;
import kr.kaesongcrossing.checkpoint.scan.Route;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What went north and what came back, per trip, and the open goods differences: each difference a check recorded
 * until an officer closes it, and each line declared to come back that went north (the trip was checked
 * northbound) when the traveller got back south past the first gate, or the trip's due-back day has passed, without
 * a southbound check. Such a line has no row until an officer closes it: closing records it as not back, closed.
 */
@Service
public class GoodsLedger {

    /** A declared line of a trip: its outcome north and back (null: not checked that way; "AS_DECLARED"). */
    public record LineView(DeclaredGoodsLine line, String north, GoodsDifference northDifference, String south,
            GoodsDifference southDifference, boolean notBackOpen) {
    }

    /** A trip's goods: its checks each way, its lines, and the undeclared items found. */
    public record TripView(long applicationId, String nameKorean, String nameLatin, GoodsCheck north,
            GoodsCheck south, List<LineView> lines, List<GoodsDifference> undeclared) {
    }

    /**
     * An open difference, arisen on {@code day}: a recorded one ({@code difference}), or a line that did not come
     * back and has no row yet ({@code difference} null, {@code lineNo} set).
     */
    public record Open(long applicationId, String nameKorean, String nameLatin, LocalDate day,
            GoodsDifference difference, Integer lineNo, String description, Direction direction,
            GoodsDifference.Kind kind, String note) {

        public boolean recorded() {
            return difference != null;
        }
    }

    private final JdbcTemplate jdbc;
    private final TripGoods goods;
    private final TravelApprovals approvals;
    private final GoodsCheckRepository checks;
    private final GoodsDifferenceRepository differences;
    private final Route route;
    private final AuditTrail audit;
    private final Clock clock;

    GoodsLedger(JdbcTemplate jdbc, TripGoods goods, TravelApprovals approvals, GoodsCheckRepository checks,
            GoodsDifferenceRepository differences, Route route, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.goods = goods;
        this.approvals = approvals;
        this.checks = checks;
        this.differences = differences;
        this.route = route;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return OfficeTime.today(clock);
    }

    /** The trips whose goods were checked on {@code day} (KST), either way, with everything known of their goods. */
    @Transactional(readOnly = true)
    public List<TripView> trips(LocalDate day) {
        List<Long> ids = checks.findByCheckedAtGreaterThanEqualAndCheckedAtLessThan(OfficeTime.startOfDay(day),
                OfficeTime.endOfDay(day)).stream().map(GoodsCheck::getApplicationId).distinct().sorted().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<GoodsCheck>> checksOf = checks.findByApplicationIdIn(ids).stream()
                .collect(Collectors.groupingBy(GoodsCheck::getApplicationId));
        Map<Long, List<GoodsDifference>> differencesOf = differences.findByApplicationIdIn(ids).stream()
                .collect(Collectors.groupingBy(GoodsDifference::getApplicationId));
        Map<String, Open> notBack = notBack().stream()
                .collect(Collectors.toMap(o -> o.applicationId() + ":" + o.lineNo(), Function.identity()));
        List<TripView> trips = new ArrayList<>();
        for (long id : ids) {
            GoodsCheck north = pick(checksOf.get(id), Direction.NORTHBOUND);
            GoodsCheck south = pick(checksOf.get(id), Direction.SOUTHBOUND);
            List<GoodsDifference> found = differencesOf.getOrDefault(id, List.of());
            List<LineView> lines = goods.declared(id).stream().map(line -> new LineView(line,
                    outcome(north, found, Direction.NORTHBOUND, line.lineNo()),
                    difference(found, Direction.NORTHBOUND, line.lineNo()),
                    line.comesBack() ? outcome(south, found, Direction.SOUTHBOUND, line.lineNo()) : null,
                    difference(found, Direction.SOUTHBOUND, line.lineNo()),
                    notBack.containsKey(id + ":" + line.lineNo()))).toList();
            String[] names = names(north != null ? north : south);
            trips.add(new TripView(id, names[0], names[1], north, south, lines,
                    found.stream().filter(d -> d.getLineNo() == null).toList()));
        }
        return trips;
    }

    /** The differences open now that arose on or before {@code day}, oldest first. */
    @Transactional(readOnly = true)
    public List<Open> openUpTo(LocalDate day) {
        List<Open> open = new ArrayList<>();
        for (GoodsDifference d : differences.findByClosedAtIsNullOrderByRecordedAtAscIdAsc()) {
            LocalDate arose = OfficeTime.dateOf(d.getRecordedAt());
            if (!arose.isAfter(day)) {
                String[] names = names(checks.findByApplicationIdAndDirection(d.getApplicationId(), d.getDirection())
                        .orElse(null));
                open.add(new Open(d.getApplicationId(), names[0], names[1], arose, d, d.getLineNo(),
                        d.getDescription(), d.getDirection(), d.getKind(), d.getNote()));
            }
        }
        notBack().stream().filter(o -> !o.day().isAfter(day)).forEach(open::add);
        open.sort(Comparator.comparing(Open::day).thenComparing(Open::applicationId));
        return open;
    }

    /**
     * How many differences are open now: {@link #openUpTo} today, counted in one query (the live numbers and the
     * staff home pages): the recorded ones, and the lines of {@link #notBack()} with the same conditions in SQL. The
     * due-back day is {@link TripSlots#dueBack()}: the southbound slot's date (its key is "S-yyyy-mm-dd-hhmm"), else
     * the planned return date. It reads the application module's goods lines and trips directly (as
     * {@link TripGoods} and {@link TravelApprovals#tripSlots} would, one trip at a time) to stay one query.
     */
    @Transactional(readOnly = true)
    public long openCount() {
        Long count = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM goods_difference WHERE closed_at IS NULL) + "
                + "(SELECT COUNT(*) FROM goods_check c JOIN crossing_log n ON n.scan_id = c.scan_id "
                + "JOIN application_goods_line l ON l.application_id = c.application_id AND l.comes_back = TRUE "
                + "LEFT JOIN travel_application a ON a.id = c.application_id "
                + "WHERE c.direction = 'NORTHBOUND' "
                + "AND NOT EXISTS (SELECT 1 FROM goods_check s WHERE s.application_id = c.application_id "
                + "AND s.direction = 'SOUTHBOUND') "
                + "AND NOT EXISTS (SELECT 1 FROM goods_difference d WHERE d.application_id = c.application_id "
                + "AND d.kind = 'NOT_BACK' AND d.line_no = l.line_no) "
                + "AND (EXISTS (SELECT 1 FROM crossing_log b WHERE b.application_id = c.application_id "
                + "AND b.direction = 'SOUTHBOUND' AND b.result = 'ACCEPTED' AND b.gate = ? "
                + "AND b.scanned_at >= n.scanned_at) "
                + "OR COALESCE(CAST(SUBSTRING(a.southbound_slot, 3, 10) AS DATE), a.return_date) < ?))",
                Long.class, route.gates().get(0).name(), today());
        return count == null ? 0 : count;
    }

    /** Closes a recorded difference with the officer's reason. */
    @RetryOnWriteConflict
    @Transactional
    public void close(long differenceId, String reason, Officer officer) {
        GoodsDifference difference = differences.findById(differenceId)
                .orElseThrow(() -> new GoodsRefused("no such difference", "checkpoint.goods.refused.unknown"));
        difference.close(reason, officer, now());
        differences.saveAndFlush(difference);
        audit.record("checkpoint.goods-difference-closed", Subject.of("goods-difference", differenceId),
                "application=" + difference.getApplicationId() + " kind=" + difference.getKind());
    }

    /** Closes a line that did not come back and has no row yet: records it as not back, closed with the reason. */
    @RetryOnWriteConflict
    @Transactional
    public void closeNotBack(long applicationId, int lineNo, String reason, Officer officer) {
        Open open = notBack().stream().filter(o -> o.applicationId() == applicationId && o.lineNo() == lineNo)
                .findFirst()
                .orElseThrow(() -> new GoodsRefused("no such open line", "checkpoint.goods.refused.unknown"));
        GoodsDifference difference = differences.saveAndFlush(GoodsDifference.notBackClosed(applicationId, lineNo,
                open.description(), reason, officer, now()));
        audit.record("checkpoint.goods-difference-closed", Subject.of("goods-difference", difference.getId()),
                "application=" + applicationId + " kind=NOT_BACK line=" + lineNo);
    }

    /**
     * Lines declared to come back on trips checked northbound and not southbound, whose traveller got back south
     * (an accepted southbound scan at the first gate after the northbound check) or whose due-back day has passed,
     * and that have no not-back difference yet.
     */
    private List<Open> notBack() {
        record North(long applicationId, String scanId, Instant scannedAt) {
        }
        List<North> pending = jdbc.query("SELECT c.application_id, c.scan_id, l.scanned_at FROM goods_check c "
                + "JOIN crossing_log l ON l.scan_id = c.scan_id WHERE c.direction = 'NORTHBOUND' "
                + "AND NOT EXISTS (SELECT 1 FROM goods_check s WHERE s.application_id = c.application_id "
                + "AND s.direction = 'SOUTHBOUND') ORDER BY c.application_id",
                (rs, n) -> new North(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
        if (pending.isEmpty()) {
            return List.of();
        }
        Map<Long, TripSlots> slots = approvals.tripSlots(pending.stream().map(North::applicationId).toList()).stream()
                .collect(Collectors.toMap(TripSlots::applicationId, Function.identity()));
        LocalDate today = today();
        List<Open> open = new ArrayList<>();
        for (North north : pending) {
            List<DeclaredGoodsLine> back = goods.declared(north.applicationId()).stream()
                    .filter(DeclaredGoodsLine::comesBack).toList();
            if (back.isEmpty()) {
                continue;
            }
            Optional<LocalDate> day = southAgain(north.applicationId(), north.scannedAt())
                    .or(() -> Optional.ofNullable(slots.get(north.applicationId())).map(TripSlots::dueBack)
                            .filter(due -> due.isBefore(today)));
            if (day.isEmpty()) {
                continue;
            }
            List<Integer> recorded = jdbc.queryForList("SELECT line_no FROM goods_difference WHERE application_id = ? "
                    + "AND kind = 'NOT_BACK' AND line_no IS NOT NULL", Integer.class, north.applicationId());
            String[] names = names(north.scanId());
            for (DeclaredGoodsLine line : back) {
                if (!recorded.contains(line.lineNo())) {
                    open.add(new Open(north.applicationId(), names[0], names[1], day.get(), null, line.lineNo(),
                            line.description(), Direction.SOUTHBOUND, GoodsDifference.Kind.NOT_BACK, null));
                }
            }
        }
        return open;
    }

    /**
     * The day (KST) the traveller got back south past the first gate since {@code since}, the northbound scan (a
     * southbound scan in the same second cannot be an earlier one: the scan times are whole seconds).
     */
    private Optional<LocalDate> southAgain(long applicationId, Instant since) {
        LocalDateTime at = jdbc.queryForObject("SELECT MIN(scanned_at) FROM crossing_log WHERE application_id = ? "
                + "AND direction = 'SOUTHBOUND' AND result = 'ACCEPTED' AND gate = ? AND scanned_at >= ?",
                LocalDateTime.class, applicationId, route.gates().get(0).name(),
                LocalDateTime.ofInstant(since, ZoneOffset.UTC));
        return Optional.ofNullable(at).map(t -> OfficeTime.dateOf(t.toInstant(ZoneOffset.UTC)));
    }

    private static GoodsCheck pick(List<GoodsCheck> checks, Direction direction) {
        return checks == null ? null
                : checks.stream().filter(c -> c.getDirection() == direction).findFirst().orElse(null);
    }

    /** The line's outcome in {@code direction}: its difference's kind, AS_DECLARED, or null when not checked. */
    private static String outcome(GoodsCheck check, List<GoodsDifference> found, Direction direction, int lineNo) {
        GoodsDifference difference = difference(found, direction, lineNo);
        return difference != null ? difference.getKind().name() : check == null ? null : GoodsCheckForm.AS_DECLARED;
    }

    private static GoodsDifference difference(List<GoodsDifference> found, Direction direction, int lineNo) {
        return found.stream().filter(d -> d.getDirection() == direction && d.getLineNo() != null
                && d.getLineNo() == lineNo).findFirst().orElse(null);
    }

    private String[] names(GoodsCheck check) {
        return check == null ? new String[] {null, null} : names(check.getScanId());
    }

    /** The holder's names as the log kept them for the scan. */
    private String[] names(String scanId) {
        return jdbc.query("SELECT holder_name_korean, holder_name_latin FROM crossing_log WHERE scan_id = ?",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, scanId).stream().findFirst()
                .orElse(new String[] {null, null});
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
