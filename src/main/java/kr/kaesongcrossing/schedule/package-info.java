/**
 * The crossing schedule: a weekly timetable of slots each way with caps on people and vehicles, closed days,
 * and the seats trips hold in each slot. The lowest of the crossing modules: it knows slots and seats, not who
 * travels; the application module holds and releases seats for its trips and builds the slots' manifests.
 *
 * <p>Public API: {@link kr.kaesongcrossing.schedule.Slots} with {@link kr.kaesongcrossing.schedule.Slot},
 * {@link kr.kaesongcrossing.schedule.SlotKey}, {@link kr.kaesongcrossing.schedule.Booking},
 * {@link kr.kaesongcrossing.schedule.TravelDirection}, {@link kr.kaesongcrossing.schedule.ScheduleSettings} and
 * the refusals of a seat, and the event {@link kr.kaesongcrossing.schedule.SlotCancelled}.
 *
 * <p>Room, internal to the module: {@code timetable}, what an administrator changes ({@code /admin/schedule}, ADMIN
 * by the common rule for /admin in SecurityConfig, so the module needs no page rules of its own): the weekly
 * timetable, closed days, and one date's slots (caps, a one-off slot, cancelling one).
 */
@ApplicationModule(allowedDependencies = {"audit", "system"})
package kr.kaesongcrossing.schedule;

import org.springframework.modulith.ApplicationModule;
