package kr.kaesongcrossing.checkpoint.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.checkpoint.Staff;
import org.hibernate.SessionFactory;
import org.hibernate.stat.EntityStatistics;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The remembered device tokens, through the scanner API on the real database (KC_TEST_DB=mysql for MariaDB), with
 * the app's clock moved instead of waiting: a revocation here holds at once, one made in the database (as by
 * another instance) within {@link DeviceTokens#REMEMBERED_FOR}, and a burst of requests reads the device once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeviceTokenCacheTests {

    static final MovableClock CLOCK = new MovableClock();

    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    DeviceTokens tokens;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @BeforeEach
    void holdTheClock() {
        CLOCK.hold();
    }

    @AfterEach
    void backToNow() {
        CLOCK.reset();
    }

    @Test
    void shouldRefuseATokenRevokedOnThisInstanceAtTheNextRequest() throws Exception {
        DeviceTokens.Issued device = tokens.issue("lane-" + UUID.randomUUID(), null);
        asDevice(device).andExpect(status().isOk());

        mvc.perform(post("/admin/devices/{id}/revoke", device.id()).with(Staff.as(Role.ADMIN)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        asDevice(device).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("invalid_token"));
    }

    @Test
    void shouldRefuseATokenRevokedByAnotherInstanceOnceTheBoundHasPassed() throws Exception {
        DeviceTokens.Issued device = tokens.issue("lane-" + UUID.randomUUID(), null);
        asDevice(device).andExpect(status().isOk());

        jdbc.update("UPDATE checkpoint_device SET revoked_at = ? WHERE id = ?",
                Timestamp.from(CLOCK.instant()), device.id());

        CLOCK.advance(Duration.ofSeconds(1));
        asDevice(device).andExpect(status().isOk()); // still remembered: the point of the cache
        CLOCK.advance(DeviceTokens.REMEMBERED_FOR.minusSeconds(1));
        asDevice(device).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("invalid_token"));
    }

    @Test
    void shouldReadTheDeviceOnceForABurstOfRequests() throws Exception {
        DeviceTokens.Issued device = tokens.issue("lane-" + UUID.randomUUID(), null);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean wasEnabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            EntityStatistics reads = statistics.getEntityStatistics(ScannerDevice.class.getName());
            long before = reads.getLoadCount();
            for (int i = 0; i < 10; i++) {
                asDevice(device).andExpect(status().isOk());
                CLOCK.advance(Duration.ofMillis(400));
            }
            assertThat(reads.getLoadCount() - before).as("device reads for 10 requests in 4 s").isEqualTo(1);

            CLOCK.advance(DeviceTokens.REMEMBERED_FOR);
            asDevice(device).andExpect(status().isOk());
            assertThat(reads.getLoadCount() - before).as("read again once the bound has passed").isEqualTo(2);
        } finally {
            statistics.setStatisticsEnabled(wasEnabled);
        }
    }

    @Test
    void shouldStillRecordTheLastContactAtMostOnceAMinute() throws Exception {
        DeviceTokens.Issued device = tokens.issue("lane-" + UUID.randomUUID(), null);
        asDevice(device).andExpect(status().isOk());
        Instant first = lastContact(device);

        CLOCK.advance(DeviceTokens.CONTACT_RESOLUTION.minusSeconds(1));
        asDevice(device).andExpect(status().isOk());
        assertThat(lastContact(device)).as("within the resolution").isEqualTo(first);

        CLOCK.advance(DeviceTokens.REMEMBERED_FOR); // the last request's device is remembered until then
        asDevice(device).andExpect(status().isOk());
        assertThat(lastContact(device)).isAfter(first);
    }

    private ResultActions asDevice(DeviceTokens.Issued device) throws Exception {
        return mvc.perform(get("/api/v1/revocations").header("Authorization", "Bearer " + device.token()));
    }

    private Instant lastContact(DeviceTokens.Issued device) {
        return jdbc.queryForObject("SELECT last_contact_at FROM checkpoint_device WHERE id = ?", Timestamp.class,
                device.id()).toInstant();
    }

    /** The app's clock: now, or an instant the test holds and moves on. */
    static final class MovableClock extends Clock {

        private volatile Instant held;

        void hold() {
            held = Instant.now();
        }

        void advance(Duration by) {
            held = held.plus(by);
        }

        void reset() {
            held = null;
        }

        @Override
        public Instant instant() {
            Instant at = held;
            return at == null ? Instant.now() : at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }
    }
}
