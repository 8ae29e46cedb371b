package kr.kaesongcrossing.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import kr.kaesongcrossing.KaesongCrossingApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two app instances (a second, independent Spring context with its own connection pool) on one database: many
 * applicants, spread over both, race for the last seats of a slot. Exactly the cap gets a seat, never more, and the
 * slot's counters equal its bookings. On MariaDB (CI) this is two pools against one server; on H2 one in-memory
 * database.
 */
@Tag("slow")
@Tag("two-instances")
@SpringBootTest
class SlotsTwoInstancesTests {

    private static final AtomicLong APPLICATIONS = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40));

    static ConfigurableApplicationContext second;

    @Autowired
    ApplicationContext first;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startSecondInstance() {
        second = new SpringApplicationBuilder(KaesongCrossingApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    private static LocalDate someDay() {
        return LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
    }

    @Test
    void shouldHoldExactlyTheCapOfSeatsWhenApplicantsOnTwoInstancesRaceForThem() throws Exception {
        // a timetable slot nobody has booked yet (40 people): the racers also race to give it its row
        SlotKey fresh = new SlotKey(TravelDirection.NORTHBOUND, someDay(), LocalTime.of(8, 30));
        assertThat(race(fresh, 60, 0)).isEqualTo(40);
        assertCountersMatchBookings(fresh, 40, 0);

        SlotKey small = slotOfOwn(5, 50);
        assertThat(race(small, 30, 1)).isEqualTo(5);
        assertCountersMatchBookings(small, 5, 5);
    }

    @Test
    void shouldHoldExactlyTheVehiclePlacesWhenDriversOnTwoInstancesRaceForThem() throws Exception {
        SlotKey fewPlaces = slotOfOwn(40, 4);
        assertThat(race(fewPlaces, 24, 1)).isEqualTo(4);
        assertCountersMatchBookings(fewPlaces, 4, 4);
    }

    private SlotKey slotOfOwn(int people, int vehicles) {
        SlotKey key = new SlotKey(TravelDirection.SOUTHBOUND, someDay(), LocalTime.of(13, 13));
        jdbc.update("INSERT INTO slot (direction, slot_date, departs_at, people_cap, vehicle_cap) VALUES (?,?,?,?,?)",
                key.direction().name(), key.date(), key.departsAt(), people, vehicles);
        return key;
    }

    /**
     * {@code racers} applicants, each with {@code vehicles} vehicles, hold a seat in {@code key} at once, taking turns
     * between the two instances; returns how many got one. Each either gets a seat or is told the slot is full.
     */
    private int race(SlotKey key, int racers, int vehicles) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                ApplicationContext instance = i % 2 == 0 ? first : second;
                Slots slots = instance.getBean(Slots.class);
                TransactionTemplate transaction = new TransactionTemplate(
                        instance.getBean(PlatformTransactionManager.class));
                long application = APPLICATIONS.incrementAndGet();
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        transaction.executeWithoutResult(s -> slots.hold(application, key, vehicles));
                        return true;
                    } catch (SlotFullException full) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get() ? 1 : 0;
            }
            return won;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertCountersMatchBookings(SlotKey key, int people, int vehicles) {
        Slot slot = first.getBean(Slots.class).find(key).orElseThrow();
        List<Booking> bookings = first.getBean(Slots.class).bookingsIn(key);
        assertThat(slot.peopleBooked()).isEqualTo(people).isEqualTo(bookings.size());
        assertThat(slot.vehiclesBooked()).isEqualTo(vehicles)
                .isEqualTo(bookings.stream().mapToInt(Booking::vehicles).sum());
        assertThat(bookings).extracting(Booking::applicationId).doesNotHaveDuplicates();
    }
}
