package kr.kaesongcrossing.checkpoint.scan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a scan station keeps to decide offline at its gate: every person's pass valid at some time today or tomorrow
 * (office time) that has a seat booked in a slot of those days, or belongs to a standing permit, with the holder's
 * names and photo, the booked slots with the window the gates use, and where the log puts the holder. Two queries
 * (passes with photo and position, then their slots), whatever the number of travellers.
 */
@Component
class StationData {

    /** A photo larger than this is left out (a pass photo is a few tens of kilobytes). */
    static final int MAX_PHOTO_BYTES = 96 * 1024;

    record Slot(String direction, Instant start, Instant end) {
    }

    record Traveller(String passId, String nameKorean, String nameLatin, String photo, Instant validFrom,
            Instant validUntil, List<Slot> slots, String position, String lastGate) {
    }

    /**
     * @param slotChecks the directions in which this gate judges the slot window (it is the first gate that way and
     *                   the gates check slots); elsewhere a slot only says the traveller is expected
     */
    record Data(Instant generatedAt, long maxOfflineSeconds, String gate, String lane, List<String> routeGates,
            String zoneGate, List<String> slotChecks, List<Traveller> travellers) {
    }

    private static final String LIVE_PERSON_PASS = " p.kind = 'PERSON' AND p.revoked_at IS NULL"
            + " AND p.anonymised_at IS NULL AND p.valid_from < :end AND p.valid_until > :start";
    private static final String BOOKED = " s.slot_date IN (:today, :tomorrow) AND s.cancelled = FALSE";

    private final NamedParameterJdbcTemplate jdbc;
    private final Route route;
    private final ScanRules rules;
    private final Clock clock;
    private final Duration maxOffline;

    StationData(NamedParameterJdbcTemplate jdbc, Route route, ScanRules rules, Clock clock,
            @Value("${kc.station.max-offline:PT12H}") Duration maxOffline) {
        this.jdbc = jdbc;
        this.route = route;
        this.rules = rules;
        this.clock = clock;
        this.maxOffline = maxOffline;
    }

    @Transactional(readOnly = true)
    Data at(Gate gate, String lane) {
        Instant now = clock.instant();
        LocalDate today = OfficeTime.today(clock);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("start", utc(today.atStartOfDay(OfficeTime.ZONE).toInstant()))
                .addValue("end", utc(today.plusDays(2).atStartOfDay(OfficeTime.ZONE).toInstant()))
                .addValue("today", today).addValue("tomorrow", today.plusDays(1))
                .addValue("cap", MAX_PHOTO_BYTES);
        SlotWindow window = rules.slotWindow();
        Map<String, List<Slot>> slots = new HashMap<>();
        jdbc.query("SELECT p.pass_id, s.direction, s.slot_date, s.departs_at FROM pass p"
                + " JOIN slot_booking b ON b.application_id = p.application_id JOIN slot s ON s.id = b.slot_id"
                + " WHERE p.permit_id IS NULL AND" + LIVE_PERSON_PASS + " AND" + BOOKED
                + " ORDER BY s.slot_date, s.departs_at", params, rs -> {
                    Instant departs = rs.getObject(3, LocalDate.class).atTime(rs.getObject(4, LocalTime.class))
                            .atZone(OfficeTime.ZONE).toInstant();
                    slots.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new Slot(rs.getString(2),
                            departs.minus(window.before()), departs.plus(window.after())));
                });
        List<Traveller> travellers = jdbc.query("SELECT p.pass_id, p.holder_name_korean, p.holder_name_latin,"
                + " p.valid_from, p.valid_until,"
                + " CASE WHEN OCTET_LENGTH(ph.jpeg) <= :cap THEN ph.jpeg END AS photo, pp.position, pp.last_gate"
                + " FROM pass p LEFT JOIN pass_photo ph ON ph.pass_pk = p.id"
                + " LEFT JOIN pass_presence pp ON pp.pass_id = p.pass_id"
                + " WHERE" + LIVE_PERSON_PASS + " AND (p.permit_id IS NOT NULL OR EXISTS (SELECT 1 FROM slot_booking b"
                + " JOIN slot s ON s.id = b.slot_id WHERE b.application_id = p.application_id AND" + BOOKED + "))"
                + " ORDER BY p.pass_id", params, (rs, row) -> {
                    byte[] photo = rs.getBytes(6);
                    String position = rs.getString(7);
                    return new Traveller(rs.getString(1), rs.getString(2), rs.getString(3),
                            photo == null ? null : "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(photo),
                            instant(rs.getObject(4, LocalDateTime.class)), instant(rs.getObject(5, LocalDateTime.class)),
                            slots.getOrDefault(rs.getString(1), List.of()),
                            position == null || Position.Place.SOUTH.name().equals(position) ? "OUTSIDE" : position,
                            rs.getString(8));
                });
        List<String> checks = !rules.checksSlots() ? List.of() : Arrays.stream(Direction.values())
                .filter(d -> route.firstGate(d) == gate).map(Direction::name).toList();
        return new Data(now, maxOffline.toSeconds(), gate.name(), lane, route.gates().stream().map(Gate::name).toList(),
                route.zoneGate().name(), checks, travellers);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
