package kr.kaesongcrossing.e2e;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff accounts for the browser suites (demo data is off in tests; civilians register through the UI). Emails
 * are unique per test context because contexts share the test database.
 */
@TestConfiguration(proxyBeanMethods = false)
public class E2eAccounts {

    /** A staff account the journeys log in with. */
    public record Staff(String email, String name, String password) {
    }

    /** The officer, checkpoint officer and administrator of this test context. */
    public record StaffAccounts(Staff officer, Staff checkpoint, Staff admin) {
    }

    @Bean
    StaffAccounts staffAccounts(JdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String password = "e2e-" + UUID.randomUUID() + "-Kaesong";
        StaffAccounts staff = new StaffAccounts(
                new Staff("officer-" + run + "@e2e.test", "이서연", password),
                new Staff("checkpoint-" + run + "@e2e.test", "박지훈", password),
                new Staff("admin-" + run + "@e2e.test", "최유진", password));
        String hash = passwordEncoder.encode(password);
        insert(jdbc, staff.officer(), "OFFICER", hash);
        insert(jdbc, staff.checkpoint(), "CHECKPOINT", hash);
        insert(jdbc, staff.admin(), "ADMIN", hash);
        return staff;
    }

    private static void insert(JdbcTemplate jdbc, Staff staff, String role, String hash) {
        jdbc.update("INSERT INTO user_account (email, display_name, password_hash, role, language, enabled, "
                + "failed_logins, created_at) VALUES (?, ?, ?, ?, 'ko', TRUE, 0, ?)",
                staff.email(), staff.name(), hash, role, LocalDateTime.now(ZoneOffset.UTC));
    }
}
