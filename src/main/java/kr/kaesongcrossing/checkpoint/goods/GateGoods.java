package kr.kaesongcrossing.checkpoint.goods;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.kaesongcrossing.application.DeclaredGoodsLine;
import kr.kaesongcrossing.application.TripGoods;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.checkpoint.scan.Direction;
import kr.kaesongcrossing.checkpoint.scan.Gate;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tick-off of a trip's declared goods after an accepted scan of a person's pass: northbound every line,
 * southbound the lines declared to come back. Keyed by the scan id, for the officer who sent that scan and for
 * {@link #WINDOW} after it, like the holder's photo: the traveller stands at the lane while their goods are checked,
 * and an old answer cannot be used to rewrite a trip's goods later. For a permit crossing the trip is the crossing
 * booked on the permit, which is the application the log entry names; a group's goods are on its first traveller's
 * application, so the other members' scans show none.
 */
@Service
public class GateGoods {

    /**
     * How long after a scan its sender may tick off (or correct) the goods: a full check of a loaded vehicle or of
     * several cases at the lane takes well under half an hour; longer and the traveller has moved on.
     */
    static final Duration WINDOW = Duration.ofMinutes(30);

    /** An accepted scan of a person's pass on a trip, as the crossing log holds it. */
    public record GateScan(String scanId, long applicationId, Direction direction, Gate gate, Instant scannedAt,
            String nameKorean, String nameLatin) {

        public String scannedAtText() {
            return OfficeTime.minutes(scannedAt);
        }
    }

    /**
     * What there is to check after {@code scan}: the declared lines of its direction, and the trip's check in that
     * direction when there is one ({@code check}, maybe recorded after another scan).
     */
    public record Tick(GateScan scan, List<DeclaredGoodsLine> lines, GoodsCheck check) {

        public boolean noGoods() {
            return lines.isEmpty();
        }

        /** The trip's goods in this direction were checked after another scan (at another gate, or earlier). */
        public boolean checkedElsewhere() {
            return check != null && !check.getScanId().equals(scan.scanId());
        }

        /** The form may be sent: a first check, or a correction while none of its differences is closed. */
        public boolean recordable() {
            return !noGoods() && !checkedElsewhere()
                    && (check == null || check.getDifferences().stream().allMatch(GoodsDifference::isOpen));
        }
    }

    private final JdbcTemplate jdbc;
    private final TripGoods goods;
    private final GoodsCheckRepository checks;
    private final AuditTrail audit;
    private final Clock clock;

    GateGoods(JdbcTemplate jdbc, TripGoods goods, GoodsCheckRepository checks, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.goods = goods;
        this.checks = checks;
        this.audit = audit;
        this.clock = clock;
    }

    /** For the station's answer: what to check after the officer's scan, or null when there is nothing to show. */
    @Transactional(readOnly = true)
    public Tick atStation(String scanId, long officerId) {
        return tick(scanId, officerId).orElse(null);
    }

    /** What to check after {@code scanId}, if the officer sent it, it was an accepted scan of a trip, and recent. */
    @Transactional(readOnly = true)
    public Optional<Tick> tick(String scanId, long officerId) {
        return scan(scanId, officerId).map(scan -> new Tick(scan, toCheck(scan),
                checks.findByApplicationIdAndDirection(scan.applicationId(), scan.direction()).orElse(null)));
    }

    /** The form as the trip's check left it (a correction), or every line as declared. */
    GoodsCheckForm form(Tick tick) {
        GoodsCheckForm form = new GoodsCheckForm();
        Map<Integer, GoodsDifference> found = tick.check() == null || tick.checkedElsewhere() ? Map.of()
                : tick.check().getDifferences().stream().filter(d -> d.getLineNo() != null)
                        .collect(Collectors.toMap(GoodsDifference::getLineNo, Function.identity(), (a, b) -> a));
        for (DeclaredGoodsLine line : tick.lines()) {
            GoodsDifference difference = found.get(line.lineNo());
            form.getLines().add(difference == null ? new GoodsCheckForm.Line(line.lineNo(), GoodsCheckForm.AS_DECLARED,
                    "") : new GoodsCheckForm.Line(line.lineNo(), difference.getKind().name(), difference.getNote()));
        }
        if (tick.check() != null && !tick.checkedElsewhere()) {
            tick.check().getDifferences().stream().filter(d -> d.getLineNo() == null).findFirst().ifPresent(d -> {
                form.setExtraDescription(d.getDescription());
                form.setExtraNote(d.getNote());
            });
        }
        return form;
    }

    /**
     * Records the tick-off after the officer's scan, or corrects the one recorded after the same scan. Refused,
     * recording nothing: a scan that is not the officer's recent accepted scan of a trip, a trip whose goods in this
     * direction were checked after another scan, a correction once a difference is closed or (northbound) once the
     * goods were checked southbound, and a form that does not give each line to check exactly once with a known
     * outcome, or a difference without a note.
     */
    @RetryOnWriteConflict
    @Transactional
    public GoodsCheck record(String scanId, Officer officer, GoodsCheckForm form) {
        Tick tick = tick(scanId, officer.id())
                .orElseThrow(() -> new GoodsRefused("not the officer's recent accepted scan",
                        "checkpoint.goods.refused.scan"));
        if (tick.noGoods()) {
            throw new GoodsRefused("no goods to check", "checkpoint.goods.refused.none");
        }
        GateScan scan = tick.scan();
        List<GoodsCheck.Found> found = found(tick, form);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        GoodsCheck check = tick.check();
        if (check == null) {
            check = checks.saveAndFlush(new GoodsCheck(scan.applicationId(), scan.direction(), scan.scanId(),
                    scan.gate(), found, officer, now));
        } else {
            if (scan.direction() == Direction.NORTHBOUND && checks.findByApplicationIdAndDirection(
                    scan.applicationId(), Direction.SOUTHBOUND).isPresent()) {
                throw new GoodsRefused("checked southbound since", "checkpoint.goods.refused.movedOn");
            }
            check.correct(scan.scanId(), found, officer, now);
            checks.saveAndFlush(check);
        }
        audit.record("checkpoint.goods-checked", Subject.of("application", scan.applicationId()),
                "direction=" + scan.direction() + " scan=" + scan.scanId() + " differences=" + found.size());
        return check;
    }

    private static List<GoodsCheck.Found> found(Tick tick, GoodsCheckForm form) {
        Map<Integer, DeclaredGoodsLine> declared = tick.lines().stream()
                .collect(Collectors.toMap(DeclaredGoodsLine::lineNo, Function.identity()));
        Set<Integer> seen = new HashSet<>();
        List<GoodsCheck.Found> found = new ArrayList<>();
        for (GoodsCheckForm.Line line : form.getLines()) {
            DeclaredGoodsLine of = line == null || line.getLineNo() == null ? null : declared.get(line.getLineNo());
            if (of == null || !seen.add(of.lineNo())) {
                throw new GoodsRefused("unknown or repeated line", "checkpoint.goods.refused.line");
            }
            String outcome = line.getOutcome() == null ? "" : line.getOutcome();
            if (outcome.equals(GoodsCheckForm.AS_DECLARED)) {
                continue;
            }
            GoodsDifference.Kind kind;
            try {
                kind = GoodsDifference.Kind.valueOf(outcome);
            } catch (IllegalArgumentException e) {
                kind = null;
            }
            if (kind == null || kind == GoodsDifference.Kind.UNDECLARED) {
                throw new GoodsRefused("unknown outcome", "checkpoint.goods.refused.outcome");
            }
            found.add(new GoodsCheck.Found(of.lineNo(), kind, of.description(), line.getNote()));
        }
        if (seen.size() != declared.size()) {
            throw new GoodsRefused("a line is missing", "checkpoint.goods.refused.line");
        }
        boolean extraDescribed = form.getExtraDescription() != null && !form.getExtraDescription().isBlank();
        boolean extraNoted = form.getExtraNote() != null && !form.getExtraNote().isBlank();
        if (extraDescribed || extraNoted) {
            found.add(new GoodsCheck.Found(null, GoodsDifference.Kind.UNDECLARED, form.getExtraDescription(),
                    form.getExtraNote()));
        }
        return found;
    }

    /** Northbound every declared line; southbound those declared to come back. */
    private List<DeclaredGoodsLine> toCheck(GateScan scan) {
        return goods.declared(scan.applicationId()).stream()
                .filter(line -> scan.direction() == Direction.NORTHBOUND || line.comesBack()).toList();
    }

    private Optional<GateScan> scan(String scanId, long officerId) {
        if (scanId == null || scanId.length() > 64) {
            return Optional.empty();
        }
        LocalDateTime oldest = LocalDateTime.ofInstant(clock.instant().minus(WINDOW), ZoneOffset.UTC);
        return jdbc.query("SELECT scan_id, application_id, direction, gate, scanned_at, holder_name_korean, "
                + "holder_name_latin FROM crossing_log WHERE scan_id = ? AND result = 'ACCEPTED' "
                + "AND application_id IS NOT NULL AND pass_id IS NOT NULL AND officer_account_id = ? "
                + "AND device_id IS NULL AND recorded_at > ?",
                (rs, n) -> new GateScan(rs.getString(1), rs.getLong(2), Direction.valueOf(rs.getString(3)),
                        Gate.valueOf(rs.getString(4)), rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getString(6), rs.getString(7)), scanId, officerId, oldest).stream().findFirst();
    }
}
