package kr.kaesongcrossing.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

@SpringBootTest
@AutoConfigureMockMvc // unused here: the same Spring context as the MockMvc tests, started once per JVM
class SlotsTests {

    private static final AtomicLong APPLICATIONS = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40));

    @Autowired
    Slots slots;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    /** A date of its own for each test, years ahead so no other test books in it. */
    private static LocalDate someDay() {
        return LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
    }

    private SlotKey slotOfOwn(LocalDate day, int people, int vehicles) {
        jdbc.update("INSERT INTO slot (direction, slot_date, departs_at, people_cap, vehicle_cap) VALUES (?,?,?,?,?)",
                "NORTHBOUND", day, LocalTime.of(9, 15), people, vehicles);
        return new SlotKey(TravelDirection.NORTHBOUND, day, LocalTime.of(9, 15));
    }

    private void hold(long application, SlotKey key, int vehicles) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> slots.hold(application, key, vehicles));
    }

    @Test
    void shouldOfferTheTimetablesSlotsOfADateWithTheirSeatsAndCloseTheirListThreeDaysBeforeAt17() {
        LocalDate day = someDay();
        List<Slot> north = slots.on(day, TravelDirection.NORTHBOUND);
        assertThat(north).extracting(s -> s.key().departsAt())
                .containsExactly(LocalTime.of(8, 30), LocalTime.of(10, 0), LocalTime.of(14, 0));
        assertThat(north).allSatisfy(s -> assertThat(s.seatsLeft()).isEqualTo(40));
        assertThat(slots.on(day, TravelDirection.SOUTHBOUND)).extracting(s -> s.key().departsAt())
                .containsExactly(LocalTime.of(12, 0), LocalTime.of(16, 0), LocalTime.of(17, 30));
        assertThat(north.get(0).listClosesAt()).isEqualTo(day.minusDays(3).atTime(17, 0)
                .atZone(OfficeTime.ZONE).toInstant());
    }

    @Test
    void shouldCountHeldSeatsAndVehiclesAndGiveThemBackOnRelease() {
        LocalDate day = someDay();
        SlotKey first = new SlotKey(TravelDirection.NORTHBOUND, day, LocalTime.of(8, 30));
        long application = APPLICATIONS.incrementAndGet();
        hold(application, first, 2);
        assertThat(slots.find(first)).get().satisfies(s -> {
            assertThat(s.seatsLeft()).isEqualTo(39);
            assertThat(s.vehicleSpaceLeft()).isEqualTo(18);
        });
        SlotKey later = new SlotKey(TravelDirection.NORTHBOUND, day, LocalTime.of(10, 0));
        hold(application, later, 0);
        assertThat(slots.find(first).orElseThrow().seatsLeft()).isEqualTo(40);
        assertThat(slots.bookings(application)).extracting(Booking::slot).containsExactly(later);
        new TransactionTemplate(transactions).executeWithoutResult(s -> slots.release(application));
        assertThat(slots.find(later).orElseThrow().seatsLeft()).isEqualTo(40);
        assertThat(slots.bookings(application)).isEmpty();
    }

    @Test
    void shouldRefuseAFullSlotAndOfferTheNextOnesWithRoom() {
        LocalDate day = someDay();
        SlotKey small = slotOfOwn(day, 1, 1);
        hold(APPLICATIONS.incrementAndGet(), small, 1);
        assertThatThrownBy(() -> hold(APPLICATIONS.incrementAndGet(), small, 0)).isInstanceOf(SlotFullException.class);
        assertThat(slots.nextWithRoom(small, 0, 2)).extracting(Slot::key).containsExactly(
                new SlotKey(TravelDirection.NORTHBOUND, day, LocalTime.of(10, 0)),
                new SlotKey(TravelDirection.NORTHBOUND, day, LocalTime.of(14, 0)));
    }

    @Test
    void shouldRefuseVehiclesBeyondTheVehicleCap() {
        SlotKey small = slotOfOwn(someDay(), 5, 1);
        assertThatThrownBy(() -> hold(APPLICATIONS.incrementAndGet(), small, 2)).isInstanceOf(SlotFullException.class);
        assertThat(slots.find(small).orElseThrow().seatsLeft()).isEqualTo(5);
    }

    @Test
    void shouldRefuseASlotNotInTheScheduleOrOnAClosedDayOrAfterTheCutOff() {
        LocalDate day = someDay();
        assertThatThrownBy(() -> hold(APPLICATIONS.incrementAndGet(),
                new SlotKey(TravelDirection.NORTHBOUND, day, LocalTime.of(9, 0)), 0))
                .isInstanceOf(SlotUnavailableException.class);
        jdbc.update("INSERT INTO closed_day (day, reason) VALUES (?, 'test holiday')", day);
        assertThat(slots.on(day, TravelDirection.NORTHBOUND)).isEmpty();
        assertThatThrownBy(() -> hold(APPLICATIONS.incrementAndGet(),
                new SlotKey(TravelDirection.NORTHBOUND, day, LocalTime.of(8, 30)), 0))
                .isInstanceOf(SlotUnavailableException.class);
        LocalDate soon = OfficeTime.today(java.time.Clock.systemUTC()).plusDays(2);
        assertThatThrownBy(() -> hold(APPLICATIONS.incrementAndGet(),
                new SlotKey(TravelDirection.NORTHBOUND, soon, LocalTime.of(8, 30)), 0))
                .isInstanceOf(SlotListClosedException.class);
    }

    @Test
    void shouldGiveTheLastSeatToExactlyOneOfManyRacingApplicants() throws Exception {
        SlotKey last = slotOfOwn(someDay(), 1, 0);
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                long application = APPLICATIONS.incrementAndGet();
                Callable<Boolean> racer = () -> {
                    start.await();
                    try {
                        hold(application, last, 0);
                        return true;
                    } catch (SlotFullException e) {
                        return false;
                    }
                };
                results.add(pool.submit(racer));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(slots.bookingsIn(last)).hasSize(1);
        assertThat(slots.find(last).orElseThrow().seatsLeft()).isZero();
    }

    @Test
    void shouldReadAndWriteSlotKeysAndRefuseAnythingElse() {
        SlotKey key = new SlotKey(TravelDirection.SOUTHBOUND, LocalDate.of(2026, 12, 3), LocalTime.of(17, 30));
        assertThat(key).hasToString("S-2026-12-03-1730");
        assertThat(SlotKey.parse("S-2026-12-03-1730")).contains(key);
        assertThat(SlotKey.parse("N-2026-02-30-0830")).isEmpty();
        assertThat(SlotKey.parse("N-2026-12-03-2561")).isEmpty();
        assertThat(SlotKey.parse("X-2026-12-03-0830")).isEmpty();
        assertThat(SlotKey.parse(null)).isEmpty();
    }
}
