package kr.kaesongcrossing.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import kr.kaesongcrossing.application.TripApprovedForTravel;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark seeding only: never in the application jar. scripts/bench-scans.sh compiles this class into
 * target/bench/classes and adds it with Spring Boot's PropertiesLauncher ({@code -Dloader.path}); it is active only
 * with {@code kc.bench.passes}. Issues that many passes the way the application module does (an approved
 * travel_application row, then {@link TripApprovedForTravel} published in a transaction, which the pass module
 * answers by issuing and signing the pass) and writes their tokens, one per line, to {@code kc.bench.tokens-file}.
 */
@org.springframework.stereotype.Component
@Order(1000)
@ConditionalOnProperty(name = "kc.bench.passes")
class BenchPasses implements ApplicationRunner {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Environment env;

    BenchPasses(JdbcTemplate jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            Environment env) {
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        int count = Integer.parseInt(env.getRequiredProperty("kc.bench.passes"));
        Path out = Path.of(env.getRequiredProperty("kc.bench.tokens-file"));
        long holder = holder();
        device();
        byte[] photo = jpeg();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        List<String> tokens = new ArrayList<>();
        long stamp = System.currentTimeMillis();
        // both ways in a slot starting now (KST): the gates check slots and consent, and the window lasts 90 minutes
        LocalDateTime seoul = LocalDateTime.now(ZoneId.of("Asia/Seoul"));
        String slot = seoul.toLocalDate() + "-" + String.format("%02d%02d", seoul.getHour(), seoul.getMinute());
        for (int i = 0; i < count; i++) {
            String reference = "KC-B-" + stamp % 10_000_000 + "-" + i;   // reference is VARCHAR(20)
            String name = "벤치" + i;
            String latin = "BENCH " + i;
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            long applicationId = transaction.execute(status -> {
                jdbc.update("INSERT INTO travel_application (reference, applicant_id, status, name_korean, name_latin, "
                        + "entry_date, return_date, created_at, updated_at, northbound_slot, southbound_slot) "
                        + "VALUES (?, ?, 'APPROVED_FOR_TRAVEL', ?, ?, ?, ?, ?, ?, ?, ?)",
                        reference, holder, name, latin, today, today.plusDays(2), now, now, "N-" + slot,
                        "S-" + slot);
                long id = jdbc.queryForObject("SELECT id FROM travel_application WHERE reference = ?", Long.class,
                        reference);
                jdbc.update("INSERT INTO slot_consent (slot, application_id, counterpart_reference, recorded_at, "
                        + "recorded_by_id, recorded_by_name) VALUES (?, ?, 'bench', ?, ?, 'bench')", "N-" + slot, id,
                        now, holder);
                events.publishEvent(new TripApprovedForTravel(id, reference, holder, name, latin,
                        LocalDate.of(1988, 5, 1), "KOR", today, today.plusDays(2), photo));
                return id;
            });
            tokens.add(jdbc.queryForObject("SELECT token FROM pass WHERE current_for_application = ?", String.class,
                    applicationId));
        }
        Path tmp = Path.of(out + ".tmp");
        Files.write(tmp, tokens, StandardCharsets.US_ASCII);
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The passes' holder: the demo civilian, or (demo mode off, as on MariaDB) an account made for the bench. */
    private long holder() {
        List<Long> demo = jdbc.queryForList("select id from user_account where email = 'civilian@demo.test'",
                Long.class);
        if (!demo.isEmpty()) {
            return demo.get(0);
        }
        jdbc.update("INSERT INTO user_account (email, display_name, password_hash, role, language, enabled, "
                + "failed_logins, created_at) VALUES ('bench-civilian@bench.test', 'bench', '-', 'CIVILIAN', 'ko', "
                + "TRUE, 0, ?)", LocalDateTime.now(ZoneOffset.UTC));
        return jdbc.queryForObject("select id from user_account where email = 'bench-civilian@bench.test'",
                Long.class);
    }

    /** The scanner device the bench scans as (kc.bench.device-token; only its SHA-256 is stored, as the app does). */
    private void device() {
        String token = env.getRequiredProperty("kc.bench.device-token");
        String hash = java.util.HexFormat.of().formatHex(sha256(token));
        jdbc.update("INSERT INTO checkpoint_device (name, token_hash, created_at) VALUES ('bench', ?, ?)", hash,
                LocalDateTime.now(ZoneOffset.UTC));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(90, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(210, 220, 235));
        g.fillRect(0, 0, 90, 120);
        g.setColor(new Color(70, 60, 60));
        g.fillOval(25, 20, 40, 50);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", bytes);
        return bytes.toByteArray();
    }
}
