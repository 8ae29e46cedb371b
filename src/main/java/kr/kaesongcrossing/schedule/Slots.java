package kr.kaesongcrossing.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The slots of each date and the seats held in them. A date's slots come from the weekly timetable (none on a
 * closed day) until one of them gets a row: when a seat is first held in it or it is changed for that date.
 * Seats are counted on the slot's row by one conditional update, so two people racing for the last seat,
 * on one instance or two, cannot both get it.
 */
@Service
public class Slots {

    /** How far ahead {@link #nextWithRoom} looks. */
    private static final int SEARCH_DAYS = 14;

    private static final String SLOT_COLUMNS = "direction, slot_date, departs_at, people_cap, vehicle_cap, "
            + "people_booked, vehicles_booked, cancelled";

    private final JdbcTemplate jdbc;
    private final ScheduleSettings settings;
    private final Clock clock;

    Slots(JdbcTemplate jdbc, ScheduleSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** When the list of the slots of {@code date} closes: cut-off days before, at the cut-off time, KST. */
    public Instant listClosesAt(LocalDate date) {
        return date.minusDays(settings.cutoffDays()).atTime(settings.cutoffTime()).atZone(OfficeTime.ZONE)
                .toInstant();
    }

    /** The slots (not cancelled) whose list closes today (KST): those of the date cut-off days ahead. */
    @Transactional(readOnly = true)
    public List<Slot> listsClosingToday() {
        LocalDate date = OfficeTime.today(clock).plusDays(settings.cutoffDays());
        List<Slot> closing = new ArrayList<>();
        for (TravelDirection direction : TravelDirection.values()) {
            on(date, direction).stream().filter(slot -> !slot.cancelled()).forEach(closing::add);
        }
        return closing;
    }

    /** The slots of {@code date} in {@code direction}, by time, cancelled ones included. */
    @Transactional(readOnly = true)
    public List<Slot> on(LocalDate date, TravelDirection direction) {
        Map<LocalTime, Slot> slots = new LinkedHashMap<>();
        if (!closed(date)) {
            jdbc.query("SELECT departs_at, people_cap, vehicle_cap FROM slot_timetable "
                    + "WHERE direction = ? AND day_of_week = ?", rs -> {
                        SlotKey key = new SlotKey(direction, date, rs.getObject("departs_at", LocalTime.class));
                        slots.put(key.departsAt(), new Slot(key, rs.getInt("people_cap"), rs.getInt("vehicle_cap"),
                                0, 0, false, listClosesAt(date)));
                    }, direction.name(), date.getDayOfWeek().getValue());
        }
        jdbc.query("SELECT " + SLOT_COLUMNS + " FROM slot WHERE direction = ? AND slot_date = ?",
                rs -> {
                    Slot slot = slot(rs);
                    slots.put(slot.key().departsAt(), slot);
                }, direction.name(), date);
        List<Slot> sorted = new ArrayList<>(slots.values());
        sorted.sort(Comparator.comparing(s -> s.key().departsAt()));
        return sorted;
    }

    /** The slot {@code key} names, if the schedule has it. */
    @Transactional(readOnly = true)
    public Optional<Slot> find(SlotKey key) {
        return on(key.date(), key.direction()).stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * Up to {@code limit} slots after {@code key} (later that day, then the following days) that one more traveller
     * with {@code vehicles} vehicles fits in and whose list is still open: what to offer when a slot is full.
     */
    @Transactional(readOnly = true)
    public List<Slot> nextWithRoom(SlotKey key, int vehicles, int limit) {
        Instant now = clock.instant();
        List<Slot> found = new ArrayList<>();
        for (int day = 0; day <= SEARCH_DAYS && found.size() < limit; day++) {
            for (Slot slot : on(key.date().plusDays(day), key.direction())) {
                if (found.size() < limit && slot.key().departsAt().isAfter(day == 0 ? key.departsAt() : LocalTime.MIN)
                        && slot.fits(vehicles) && !slot.listClosed(now)) {
                    found.add(slot);
                }
            }
        }
        return found;
    }

    /**
     * Holds a seat (and places for {@code vehicles}) in {@code key} for the trip, replacing the trip's seat in that
     * direction if it had one. The applicant may do so only while the list is open.
     *
     * @throws SlotUnavailableException when the schedule has no such slot or it was cancelled
     * @throws SlotListClosedException  when the slot's list has closed
     * @throws SlotFullException        when no seat or not enough vehicle places are left
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(long applicationId, SlotKey key, int vehicles) {
        Instant closesAt = listClosesAt(key.date());
        if (!clock.instant().isBefore(closesAt)) {
            throw new SlotListClosedException(key, closesAt);
        }
        book(applicationId, key, vehicles, null);
    }

    /** An officer adds the trip to {@code key} after its list closed, with a reason shown on the manifest. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdLate(long applicationId, SlotKey key, int vehicles, String reason) {
        book(applicationId, key, vehicles, clock.instant().isBefore(listClosesAt(key.date())) ? null : reason);
    }

    /** Gives back the trip's seats in both directions (rejected, withdrawn, consent refused). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(long applicationId) {
        for (TravelDirection direction : TravelDirection.values()) {
            release(applicationId, direction);
        }
    }

    /** The trip's seats, northbound first. */
    @Transactional(readOnly = true)
    public List<Booking> bookings(long applicationId) {
        return jdbc.query("SELECT b.application_id, b.vehicles, b.late_reason, b.booked_at, s.direction, s.slot_date, "
                + "s.departs_at FROM slot_booking b JOIN slot s ON s.id = b.slot_id WHERE b.application_id = ? "
                + "ORDER BY s.slot_date, s.departs_at", Slots::booking, applicationId);
    }

    /** Who holds seats in {@code key}, in the order they booked. */
    @Transactional(readOnly = true)
    public List<Booking> bookingsIn(SlotKey key) {
        return jdbc.query("SELECT b.application_id, b.vehicles, b.late_reason, b.booked_at, s.direction, s.slot_date, "
                + "s.departs_at FROM slot_booking b JOIN slot s ON s.id = b.slot_id "
                + "WHERE s.direction = ? AND s.slot_date = ? AND s.departs_at = ? ORDER BY b.booked_at, b.id",
                Slots::booking, key.direction().name(), key.date(), key.departsAt());
    }

    /** Seats still held in cancelled slots from {@code from} on, by slot: the trips to rebook. */
    @Transactional(readOnly = true)
    public List<Booking> inCancelledSlots(LocalDate from) {
        return jdbc.query("SELECT b.application_id, b.vehicles, b.late_reason, b.booked_at, s.direction, s.slot_date, "
                + "s.departs_at FROM slot_booking b JOIN slot s ON s.id = b.slot_id WHERE s.cancelled "
                + "AND s.slot_date >= ? ORDER BY s.slot_date, s.departs_at, b.booked_at, b.id", Slots::booking, from);
    }

    private void book(long applicationId, SlotKey key, int vehicles, String lateReason) {
        if (vehicles < 0) {
            throw new IllegalArgumentException("vehicles must not be negative");
        }
        release(applicationId, key.direction());
        giveRow(key);
        // What decides the cap: this one conditional UPDATE of the slot row, and the slot's CHECK constraint under
        // it. On Galera two nodes may both pass it; the slot row's write set conflicts at certification, the loser's
        // whole transaction rolls back and runs again (RetryOnWriteConflict at the caller's boundary) and meets
        // the new count. One seat per trip and direction: the unique key uq_slot_booking.
        int taken = jdbc.update("UPDATE slot SET people_booked = people_booked + 1, "
                + "vehicles_booked = vehicles_booked + ? WHERE direction = ? AND slot_date = ? AND departs_at = ? "
                + "AND NOT cancelled AND people_booked < people_cap AND vehicles_booked + ? <= vehicle_cap",
                vehicles, key.direction().name(), key.date(), key.departsAt(), vehicles);
        if (taken == 0) {
            Boolean cancelled = jdbc.query("SELECT cancelled FROM slot WHERE direction = ? AND slot_date = ? "
                    + "AND departs_at = ?", rs -> rs.next() ? rs.getBoolean(1) : null,
                    key.direction().name(), key.date(), key.departsAt());
            throw cancelled == null || cancelled ? new SlotUnavailableException(key) : new SlotFullException(key);
        }
        jdbc.update("INSERT INTO slot_booking (slot_id, application_id, direction, vehicles, late_reason, booked_at) "
                + "SELECT id, ?, direction, ?, ?, ? FROM slot WHERE direction = ? AND slot_date = ? AND departs_at = ?",
                applicationId, vehicles, lateReason, Timestamp.from(clock.instant()), key.direction().name(),
                key.date(), key.departsAt());
    }

    /**
     * Gives the timetable's slot {@code key} its row for that date if it has none yet and the day is open: when a
     * seat is held in it, or (the schedule's timetable room) when it is changed for that date. In the caller's
     * transaction, on the caller's connection: a transaction of its own would need a second connection while the
     * first is held, and a burst of bookings would starve the pool. A duplicate is met with an exclusive lock
     * (ON DUPLICATE KEY UPDATE), not the shared lock of INSERT IGNORE: two bookers holding shared locks would
     * deadlock on the seat update that follows; with exclusive locks the second waits for the first to commit.
     */
    public void giveRow(SlotKey key) {
        if (closed(key.date())) {
            return;
        }
        jdbc.update("INSERT INTO slot (direction, slot_date, departs_at, people_cap, vehicle_cap) "
                + "SELECT direction, ?, departs_at, people_cap, vehicle_cap FROM slot_timetable "
                + "WHERE direction = ? AND day_of_week = ? AND departs_at = ? "
                + "ON DUPLICATE KEY UPDATE slot.people_cap = slot.people_cap",
                key.date(), key.direction().name(), key.date().getDayOfWeek().getValue(), key.departsAt());
    }

    private void release(long applicationId, TravelDirection direction) {
        // A plain read first, then a lock on the row found: a locking read that finds nothing would lock the gap
        // where other trips insert their bookings, and two bookings of one slot would deadlock.
        List<Long> held = jdbc.queryForList("SELECT id FROM slot_booking WHERE application_id = ? AND direction = ?",
                Long.class, applicationId, direction.name());
        for (long id : held) {
            jdbc.query("SELECT slot_id, vehicles FROM slot_booking WHERE id = ? FOR UPDATE", rs -> {
                jdbc.update("UPDATE slot SET people_booked = people_booked - 1, "
                        + "vehicles_booked = vehicles_booked - ? WHERE id = ?", rs.getInt("vehicles"),
                        rs.getLong("slot_id"));
                jdbc.update("DELETE FROM slot_booking WHERE id = ?", id);
            }, id);
        }
    }

    private boolean closed(LocalDate date) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM closed_day WHERE day = ?", Integer.class, date) > 0;
    }

    private Slot slot(ResultSet rs) throws SQLException {
        LocalDate date = rs.getObject("slot_date", LocalDate.class);
        return new Slot(new SlotKey(TravelDirection.valueOf(rs.getString("direction")), date,
                rs.getObject("departs_at", LocalTime.class)), rs.getInt("people_cap"), rs.getInt("vehicle_cap"),
                rs.getInt("people_booked"), rs.getInt("vehicles_booked"), rs.getBoolean("cancelled"),
                listClosesAt(date));
    }

    private static Booking booking(ResultSet rs, int row) throws SQLException {
        return new Booking(rs.getLong("application_id"), new SlotKey(TravelDirection.valueOf(rs.getString("direction")),
                rs.getObject("slot_date", LocalDate.class), rs.getObject("departs_at", LocalTime.class)),
                rs.getInt("vehicles"), rs.getString("late_reason"), rs.getTimestamp("booked_at").toInstant());
    }
}
