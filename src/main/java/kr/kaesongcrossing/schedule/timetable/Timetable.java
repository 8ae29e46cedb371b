package kr.kaesongcrossing.schedule.timetable;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.schedule.Slot;
import kr.kaesongcrossing.schedule.SlotCancelled;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.Slots;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator changes in the schedule: the weekly timetable, closed days, and the slots of one date.
 * The timetable gives the slots of dates that have no row for them yet; a slot with a row (a seat was held, or it
 * was changed for its date) keeps it, so a timetable change never moves anyone's seat.
 *
 * <p>Caps of a date's slot are changed by one conditional update that never goes below the seats held, so a seat
 * held at the same moment either counts or is refused. Cancelling (a slot, or every slot of a day being closed)
 * publishes {@link SlotCancelled} in the same transaction; the bookings stay on the cancelled slot for the office
 * to rebook.
 */
@Service
class Timetable {

    private final JdbcTemplate jdbc;
    private final Slots slots;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    Timetable(JdbcTemplate jdbc, Slots slots, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.slots = slots;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** A time of the weekly timetable on one weekday. */
    record WeeklySlot(long id, TravelDirection direction, DayOfWeek weekday, LocalTime departsAt, int peopleCap,
            int vehicleCap) {
    }

    record ClosedDay(LocalDate day, String reason) {
    }

    /** A slot of a date as the administrator sees it, with why it was cancelled. */
    record DaySlot(Slot slot, String cancelReason) {
    }

    // --- the weekly timetable

    @Transactional(readOnly = true)
    List<WeeklySlot> weekly(TravelDirection direction) {
        return jdbc.query("SELECT id, direction, day_of_week, departs_at, people_cap, vehicle_cap FROM slot_timetable "
                + "WHERE direction = ? ORDER BY day_of_week, departs_at", (rs, row) -> new WeeklySlot(rs.getLong("id"),
                        TravelDirection.valueOf(rs.getString("direction")), DayOfWeek.of(rs.getInt("day_of_week")),
                        rs.getObject("departs_at", LocalTime.class), rs.getInt("people_cap"),
                        rs.getInt("vehicle_cap")), direction.name());
    }

    /** Adds the time on each of the weekdays; refused, with nothing added, when one of them has it already. */
    @RetryOnWriteConflict
    @Transactional
    void add(TravelDirection direction, Set<DayOfWeek> weekdays, LocalTime departsAt, int peopleCap,
            int vehicleCap) {
        for (DayOfWeek day : new TreeSet<>(weekdays)) {
            if (jdbc.update("INSERT IGNORE INTO slot_timetable (direction, day_of_week, departs_at, people_cap, "
                    + "vehicle_cap) VALUES (?, ?, ?, ?, ?)", direction.name(), day.getValue(), departsAt, peopleCap,
                    vehicleCap) == 0) {
                // the transaction rolls back the days added before this one
                throw new ScheduleChangeRefused("schedule.admin.refused.timeTaken", hhmm(departsAt),
                        new DefaultMessageSourceResolvable("schedule.weekday." + day));
            }
        }
        audit.record("timetable.added", Subject.NONE, "direction=" + direction + " weekdays=" + new TreeSet<>(weekdays)
                + " departs=" + hhmm(departsAt) + " people=" + peopleCap + " vehicles=" + vehicleCap);
    }

    @RetryOnWriteConflict
    @Transactional
    void changeCaps(long weeklySlotId, int peopleCap, int vehicleCap) {
        if (jdbc.update("UPDATE slot_timetable SET people_cap = ?, vehicle_cap = ? WHERE id = ?", peopleCap,
                vehicleCap, weeklySlotId) == 0) {
            throw new ScheduleChangeRefused("schedule.admin.refused.noSuchTime");
        }
        audit.record("timetable.caps-changed", Subject.of("timetable", weeklySlotId),
                "people=" + peopleCap + " vehicles=" + vehicleCap);
    }

    @RetryOnWriteConflict
    @Transactional
    void remove(long weeklySlotId) {
        if (jdbc.update("DELETE FROM slot_timetable WHERE id = ?", weeklySlotId) == 0) {
            throw new ScheduleChangeRefused("schedule.admin.refused.noSuchTime");
        }
        audit.record("timetable.removed", Subject.of("timetable", weeklySlotId), null);
    }

    // --- closed days

    /** The closed days from {@code from} on, by date. */
    @Transactional(readOnly = true)
    List<ClosedDay> closedFrom(LocalDate from) {
        return jdbc.query("SELECT day, reason FROM closed_day WHERE day >= ? ORDER BY day",
                (rs, row) -> new ClosedDay(rs.getObject("day", LocalDate.class), rs.getString("reason")), from);
    }

    /**
     * Closes {@code day}: it has no timetable slots, and every slot it already has a row for is cancelled with the
     * reason (the trips in them are told). Returns how many slots were cancelled.
     */
    @RetryOnWriteConflict
    @Transactional
    int close(LocalDate day, String reason) {
        notPast(day);
        if (jdbc.update("INSERT IGNORE INTO closed_day (day, reason) VALUES (?, ?)", day, reason) == 0) {
            throw new ScheduleChangeRefused("schedule.admin.refused.alreadyClosed", day.toString());
        }
        int cancelled = 0;
        for (TravelDirection direction : TravelDirection.values()) {
            List<LocalTime> times = jdbc.queryForList("SELECT departs_at FROM slot WHERE direction = ? "
                    + "AND slot_date = ? AND NOT cancelled FOR UPDATE", LocalTime.class, direction.name(), day);
            for (LocalTime time : times) {
                if (cancelRow(new SlotKey(direction, day, time), reason)) {
                    cancelled++;
                }
            }
        }
        audit.record("day.closed", Subject.of("day", day), "slotsCancelled=" + cancelled);
        return cancelled;
    }

    /** Opens {@code day} again: the timetable's slots come back; slots cancelled when it closed stay cancelled. */
    @RetryOnWriteConflict
    @Transactional
    void reopen(LocalDate day) {
        if (jdbc.update("DELETE FROM closed_day WHERE day = ?", day) == 0) {
            throw new ScheduleChangeRefused("schedule.admin.refused.notClosed", day.toString());
        }
        audit.record("day.reopened", Subject.of("day", day), null);
    }

    // --- the slots of one date

    /** Why {@code day} is closed, or null when it is open. */
    @Transactional(readOnly = true)
    String closedBecause(LocalDate day) {
        return jdbc.query("SELECT reason FROM closed_day WHERE day = ?", rs -> rs.next() ? rs.getString(1) : null,
                day);
    }

    @Transactional(readOnly = true)
    List<DaySlot> day(LocalDate day, TravelDirection direction) {
        Map<LocalTime, String> reasons = new HashMap<>();
        jdbc.query("SELECT departs_at, cancel_reason FROM slot WHERE direction = ? AND slot_date = ? AND cancelled",
                rs -> {
                    reasons.put(rs.getObject("departs_at", LocalTime.class), rs.getString("cancel_reason"));
                }, direction.name(), day);
        return slots.on(day, direction).stream()
                .map(s -> new DaySlot(s, reasons.get(s.key().departsAt()))).toList();
    }

    /** Changes the caps of one date's slot; refused below the seats or vehicle places already held. */
    @RetryOnWriteConflict
    @Transactional
    void changeCaps(SlotKey key, int peopleCap, int vehicleCap) {
        notPast(key.date());
        slots.giveRow(key);
        int changed = jdbc.update("UPDATE slot SET people_cap = ?, vehicle_cap = ? WHERE direction = ? "
                + "AND slot_date = ? AND departs_at = ? AND NOT cancelled AND people_booked <= ? "
                + "AND vehicles_booked <= ?", peopleCap, vehicleCap, key.direction().name(), key.date(),
                key.departsAt(), peopleCap, vehicleCap);
        if (changed == 0) {
            Map<String, Object> row = row(key);
            if (row == null) {
                throw new ScheduleChangeRefused("schedule.admin.refused.noSuchSlot", label(key));
            }
            if (Boolean.TRUE.equals(row.get("cancelled"))) {
                throw new ScheduleChangeRefused("schedule.admin.refused.cancelled", label(key));
            }
            throw new ScheduleChangeRefused("schedule.admin.refused.belowHeld", label(key), row.get("people_booked"),
                    row.get("vehicles_booked"));
        }
        audit.record("slot.caps-changed", Subject.of("slot", key), "people=" + peopleCap + " vehicles=" + vehicleCap);
    }

    /** Adds a slot for one date only, at a time that date has none. */
    @RetryOnWriteConflict
    @Transactional
    void addOneOff(SlotKey key, int peopleCap, int vehicleCap) {
        notPast(key.date());
        if (closedBecause(key.date()) != null) {
            throw new ScheduleChangeRefused("schedule.admin.refused.dayClosed", key.date().toString());
        }
        if (slots.find(key).isPresent() || jdbc.update("INSERT IGNORE INTO slot (direction, slot_date, departs_at, "
                + "people_cap, vehicle_cap) VALUES (?, ?, ?, ?, ?)", key.direction().name(), key.date(),
                key.departsAt(), peopleCap, vehicleCap) == 0) {
            throw new ScheduleChangeRefused("schedule.admin.refused.slotExists", label(key));
        }
        audit.record("slot.added", Subject.of("slot", key), "people=" + peopleCap + " vehicles=" + vehicleCap);
    }

    /** Cancels one slot with the reason; returns how many trips held seats in it (they are told). */
    @RetryOnWriteConflict
    @Transactional
    int cancel(SlotKey key, String reason) {
        notPast(key.date());
        slots.giveRow(key);
        Map<String, Object> row = row(key);
        if (row == null) {
            throw new ScheduleChangeRefused("schedule.admin.refused.noSuchSlot", label(key));
        }
        if (!cancelRow(key, reason)) {
            throw new ScheduleChangeRefused("schedule.admin.refused.cancelled", label(key));
        }
        audit.record("slot.cancelled", Subject.of("slot", key), "seatsHeld=" + row.get("people_booked"));
        return ((Number) row.get("people_booked")).intValue();
    }

    /** Marks the slot's row cancelled and tells who held seats in it; false when it already was. */
    private boolean cancelRow(SlotKey key, String reason) {
        if (jdbc.update("UPDATE slot SET cancelled = TRUE, cancel_reason = ? WHERE direction = ? AND slot_date = ? "
                + "AND departs_at = ? AND NOT cancelled", reason, key.direction().name(), key.date(),
                key.departsAt()) == 0) {
            return false;
        }
        // A locking read: it sees every booking committed before the row lock above was granted, whatever
        // snapshot this transaction read earlier.
        List<Long> applications = jdbc.queryForList("SELECT b.application_id FROM slot_booking b JOIN slot s "
                + "ON s.id = b.slot_id WHERE s.direction = ? AND s.slot_date = ? AND s.departs_at = ? "
                + "ORDER BY b.booked_at, b.id FOR UPDATE", Long.class, key.direction().name(), key.date(),
                key.departsAt());
        events.publishEvent(new SlotCancelled(key, reason, applications));
        return true;
    }

    private Map<String, Object> row(SlotKey key) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT people_booked, vehicles_booked, cancelled FROM slot "
                + "WHERE direction = ? AND slot_date = ? AND departs_at = ? FOR UPDATE", key.direction().name(),
                key.date(), key.departsAt());
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Past dates are history: what happened then stays as it was. */
    private void notPast(LocalDate day) {
        if (day.isBefore(OfficeTime.today(clock))) {
            throw new ScheduleChangeRefused("schedule.admin.refused.past", day.toString());
        }
    }

    private static String label(SlotKey key) {
        return key.date() + " " + hhmm(key.departsAt());
    }

    private static String hhmm(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
