package kr.kaesongcrossing.checkpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import kr.kaesongcrossing.checkpoint.goods.GoodsLedger;
import kr.kaesongcrossing.checkpoint.roster.Roster;
import kr.kaesongcrossing.checkpoint.route.RouteModes;
import kr.kaesongcrossing.checkpoint.scan.GateSlots;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checkpoint's figures for the home pages: the route mode, who is across and the alerts, each one COUNT on the
 * presence table's position index (the roster lists the people; this only counts them), and a traveller's own
 * crossings.
 */
@Component
public class CheckpointFigures {

    private static final int HISTORY_LIMIT = 10;

    /**
     * Across now, counted as the roster counts them: people inside and in transit apart from vehicles; alerts are
     * passes revoked or expired while across; overstays are past the pass's end or the planned return day.
     */
    public record Across(RouteMode routeMode, long inside, long inTransit, long vehicles, long transitTooLong,
            long overstays, long alerts, long openGoodsDifferences, long transitAlertMinutes, long openConflicts) {
    }

    /** One accepted scan of a traveller's pass. */
    public record Crossing(Instant at, String gate, String direction) {

        public String atText() {
            return OfficeTime.minutes(at);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Roster roster;
    private final RouteModes routeModes;
    private final GateSlots gateSlots;
    private final GoodsLedger goods;
    private final Clock clock;

    CheckpointFigures(NamedParameterJdbcTemplate jdbc, Roster roster, RouteModes routeModes, GateSlots gateSlots,
            GoodsLedger goods, Clock clock) {
        this.gateSlots = gateSlots;
        this.goods = goods;
        this.jdbc = jdbc;
        this.roster = roster;
        this.routeModes = routeModes;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Across across() {
        Instant now = clock.instant();
        MapSqlParameterSource params = new MapSqlParameterSource("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .addValue("today", OfficeTime.today(clock));
        return new Across(routeModes.inForce(now),
                count("SELECT COUNT(*) FROM pass_presence WHERE position = 'INSIDE' AND vehicle = FALSE", params),
                count("SELECT COUNT(*) FROM pass_presence WHERE position = 'IN_TRANSIT' AND vehicle = FALSE", params),
                count("SELECT COUNT(*) FROM pass_presence WHERE position IN ('INSIDE', 'IN_TRANSIT') "
                        + "AND vehicle = TRUE", params),
                roster.transitTooLong(),
                count("SELECT COUNT(*) FROM pass_presence p LEFT JOIN checkpoint_trip t "
                        + "ON t.application_id = p.application_id WHERE p.position IN ('INSIDE', 'IN_TRANSIT') "
                        + "AND (p.valid_until <= :now OR t.return_date < :today)", params),
                count("SELECT COUNT(*) FROM pass_presence WHERE position IN ('INSIDE', 'IN_TRANSIT') "
                        + "AND (revoked = TRUE OR valid_until <= :now)", params),
                goods.openCount(), // as the live numbers count them: lines not back included
                roster.transitAlertMinutes(),
                count("SELECT COUNT(*) FROM scan_conflict WHERE acknowledged_at IS NULL", params));
    }

    /** The current and next slot at the gate of the station this session works at; empty before it is set up. */
    public Optional<GateSlot> gateSlot(HttpSession session) {
        return gateSlots.atStation(session);
    }

    /** The latest accepted crossings of the applications {@code applicationIds} (one traveller's), newest first. */
    @Transactional(readOnly = true)
    public List<Crossing> crossingsOf(Collection<Long> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Collections.emptyList();
        }
        return jdbc.query("SELECT scanned_at, gate, direction FROM crossing_log WHERE application_id IN (:ids) "
                + "AND result = 'ACCEPTED' ORDER BY scanned_at DESC LIMIT " + HISTORY_LIMIT,
                new MapSqlParameterSource("ids", applicationIds), (rs, n) -> new Crossing(
                        rs.getObject("scanned_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getString("gate"), rs.getString("direction")));
    }

    /** Scanner devices (not revoked) with no scan recorded in the last day. */
    @Transactional(readOnly = true)
    public long devicesNotSeenForADay() {
        return count("SELECT COUNT(*) FROM checkpoint_device d WHERE d.revoked_at IS NULL AND NOT EXISTS "
                + "(SELECT 1 FROM crossing_log c WHERE c.device_id = d.id AND c.recorded_at >= :since)",
                new MapSqlParameterSource("since",
                        LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), ZoneOffset.UTC)));
    }

    private long count(String sql, MapSqlParameterSource params) {
        Long count = jdbc.queryForObject(sql, params, Long.class);
        return count == null ? 0 : count;
    }
}
