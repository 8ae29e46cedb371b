package kr.kaesongcrossing.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The list of a slot closes 3 days before its date at 17:00 KST (08:00 UTC), on the database the suite runs on
 * (MariaDB in CI): up to the last second before, an applicant holds a seat; from then on only an officer adds a
 * traveller, marked late. Each check reads the schedule at a fixed moment.
 */
@SpringBootTest
@AutoConfigureMockMvc // unused here: the same Spring context as the MockMvc tests, started once per JVM
class SlotsCutOffTests {

    private static final AtomicLong APPLICATIONS = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScheduleSettings settings;

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * A date of its own for each test, years ahead so no other test books in it, and before 2038: a booking records
     * the (fixed) moment it was made, and MariaDB's TIMESTAMP ends in January 2038.
     */
    private static LocalDate someDay() {
        return LocalDate.of(2030, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(2_500));
    }

    /** The schedule as it reads at {@code now}. */
    private Slots at(Instant now) {
        return new Slots(jdbc, settings, Clock.fixed(now, ZoneOffset.UTC));
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> work.run());
    }

    @Test
    void shouldCloseTheListThreeDaysBeforeAt17KstAndThenTakeOnlyLateTravellersFromAnOfficer() {
        LocalDate day = someDay();
        SlotKey key = new SlotKey(TravelDirection.NORTHBOUND, day, LocalTime.of(8, 30));
        Instant closes = at(Instant.now()).listClosesAt(day);
        assertThat(closes).isEqualTo(day.minusDays(3).atTime(8, 0).toInstant(ZoneOffset.UTC));

        long inTime = APPLICATIONS.incrementAndGet();
        inTransaction(() -> at(closes.minusSeconds(1)).hold(inTime, key, 0));
        long tooLate = APPLICATIONS.incrementAndGet();
        assertThatThrownBy(() -> inTransaction(() -> at(closes).hold(tooLate, key, 0)))
                .isInstanceOfSatisfying(SlotListClosedException.class, e -> assertThat(e.getArguments())
                        .containsExactly(day + " 08:30", OfficeTime.minutes(closes)));
        assertThat(at(closes).bookings(tooLate)).isEmpty();

        inTransaction(() -> at(closes).holdLate(tooLate, key, 0, "장비 반출 담당 교체"));
        long officerInTime = APPLICATIONS.incrementAndGet();
        inTransaction(() -> at(closes.minusSeconds(1)).holdLate(officerInTime, key, 0, "not late yet"));

        assertThat(at(closes).bookingsIn(key)).extracting(Booking::applicationId, Booking::lateReason)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(inTime, null),
                        org.assertj.core.groups.Tuple.tuple(tooLate, "장비 반출 담당 교체"),
                        org.assertj.core.groups.Tuple.tuple(officerInTime, null));
        assertThat(at(closes).find(key).orElseThrow().seatsLeft()).isEqualTo(37);
    }

    @Test
    void shouldOfferOnlySlotsWhoseListIsStillOpen() {
        LocalDate day = someDay();
        SlotKey first = new SlotKey(TravelDirection.SOUTHBOUND, day, LocalTime.of(12, 0));
        Instant closes = at(Instant.now()).listClosesAt(day);

        assertThat(at(closes.minusSeconds(1)).nextWithRoom(first, 0, 1)).extracting(Slot::key)
                .containsExactly(new SlotKey(TravelDirection.SOUTHBOUND, day, LocalTime.of(16, 0)));
        assertThat(at(closes).nextWithRoom(first, 0, 1)).extracting(Slot::key)
                .containsExactly(new SlotKey(TravelDirection.SOUTHBOUND, day.plusDays(1), LocalTime.of(12, 0)));
        assertThat(at(closes).find(first).orElseThrow().listClosed(closes)).isTrue();
        assertThat(at(closes).find(first).orElseThrow().listClosed(closes.minusSeconds(1))).isFalse();
    }
}
