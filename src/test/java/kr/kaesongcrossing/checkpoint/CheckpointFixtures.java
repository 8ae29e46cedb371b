package kr.kaesongcrossing.checkpoint;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import kr.kaesongcrossing.TestImages;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.application.TripApprovalWithdrawn;
import kr.kaesongcrossing.application.TripApprovedForTravel;
import kr.kaesongcrossing.checkpoint.device.DeviceTokens;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test data for scans: a real approved application row (so {@code TravelApprovals} says yes) and a real pass,
 * issued by the pass module from the public {@link TripApprovedForTravel} event, with its signed token.
 */
public final class CheckpointFixtures {

    private static final AtomicLong REFERENCES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** An issued pass and what its QR code carries. */
    public record IssuedPass(String passId, String token, long applicationId, String nameKorean,
            AccountPrincipal holder) {
    }

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TestAccounts accounts;

    public CheckpointFixtures(JdbcTemplate jdbc, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, TestAccounts accounts) {
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.accounts = accounts;
    }

    /** A pass valid from today (KST) to the day after tomorrow, its trip approved. */
    public IssuedPass pass(String nameKorean) {
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        return pass(nameKorean, today, today.plusDays(2));
    }

    public IssuedPass pass(String nameKorean, LocalDate entry, LocalDate back) {
        AccountPrincipal holder = accounts.create(Role.CIVILIAN);
        String reference = "KC-T-" + REFERENCES.incrementAndGet();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.update("INSERT INTO travel_application (reference, applicant_id, status, name_korean, name_latin, "
                + "entry_date, return_date, created_at, updated_at) VALUES (?, ?, 'APPROVED_FOR_TRAVEL', ?, ?, ?, ?, ?, ?)",
                reference, holder.id(), nameKorean, "TEST HOLDER", entry, back, now, now);
        long applicationId = jdbc.queryForObject("SELECT id FROM travel_application WHERE reference = ?", Long.class,
                reference);
        TripApprovedForTravel trip = new TripApprovedForTravel(applicationId, reference, holder.id(), nameKorean,
                "TEST HOLDER", LocalDate.of(1988, 5, 1), "KOR", entry, back, TestImages.portraitJpeg());
        transaction.executeWithoutResult(status -> events.publishEvent(trip));
        String passId = jdbc.queryForObject("SELECT pass_id FROM pass WHERE current_for_application = ?",
                String.class, applicationId);
        String token = jdbc.queryForObject("SELECT token FROM pass WHERE pass_id = ?", String.class, passId);
        return new IssuedPass(passId, token, applicationId, nameKorean, holder);
    }

    /** A vehicle pass and the pass of its driver (the trip's applicant), valid from today, the trip approved. */
    public record VehicleTrip(IssuedPass driver, String vehiclePassId, String vehicleToken, String plate) {
    }

    public VehicleTrip vehicleTrip(String driverNameKorean, String plate) {
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        AccountPrincipal holder = accounts.create(Role.CIVILIAN);
        String reference = "KC-T-" + REFERENCES.incrementAndGet();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.update("INSERT INTO travel_application (reference, applicant_id, status, name_korean, name_latin, "
                + "entry_date, return_date, vehicle_plate, vehicle_type, created_at, updated_at) "
                + "VALUES (?, ?, 'APPROVED_FOR_TRAVEL', ?, ?, ?, ?, ?, 'VAN', ?, ?)",
                reference, holder.id(), driverNameKorean, "TEST DRIVER", today, today.plusDays(2), plate, now, now);
        long applicationId = jdbc.queryForObject("SELECT id FROM travel_application WHERE reference = ?", Long.class,
                reference);
        TripApprovedForTravel trip = new TripApprovedForTravel(applicationId, reference, holder.id(),
                driverNameKorean, "TEST DRIVER", LocalDate.of(1985, 3, 1), "KOR", today, today.plusDays(2),
                TestImages.portraitJpeg(), new TripApprovedForTravel.Vehicle(0, plate, "VAN"));
        transaction.executeWithoutResult(status -> events.publishEvent(trip));
        String passId = jdbc.queryForObject("SELECT pass_id FROM pass WHERE current_for_application = ?",
                String.class, applicationId);
        String token = jdbc.queryForObject("SELECT token FROM pass WHERE pass_id = ?", String.class, passId);
        String vehiclePassId = jdbc.queryForObject(
                "SELECT pass_id FROM pass WHERE current_vehicle_for_application = ?", String.class, applicationId);
        String vehicleToken = jdbc.queryForObject("SELECT token FROM pass WHERE pass_id = ?", String.class,
                vehiclePassId);
        return new VehicleTrip(new IssuedPass(passId, token, applicationId, driverNameKorean, holder),
                vehiclePassId, vehicleToken, plate);
    }

    /**
     * The trip holds a seat in {@code slot} (a one-off slot of that date if the timetable has none at that time) and,
     * when {@code consented}, is on the counterpart's consent list for it.
     */
    public void inSlot(IssuedPass pass, SlotKey slot, boolean consented) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM slot WHERE direction = ? AND slot_date = ? AND departs_at = ?",
                Integer.class, slot.direction().name(), slot.date(), slot.departsAt()) == 0) {
            jdbc.update("INSERT INTO slot (direction, slot_date, departs_at, people_cap, vehicle_cap) "
                    + "VALUES (?, ?, ?, 999, 999)", slot.direction().name(), slot.date(), slot.departsAt());
        }
        jdbc.update("INSERT INTO slot_booking (slot_id, application_id, direction, vehicles, booked_at) SELECT id, ?, "
                + "direction, 0, ? FROM slot WHERE direction = ? AND slot_date = ? AND departs_at = ?",
                pass.applicationId(), now, slot.direction().name(), slot.date(), slot.departsAt());
        jdbc.update("UPDATE travel_application SET " + (slot.direction() == TravelDirection.NORTHBOUND
                ? "northbound_slot" : "southbound_slot") + " = ? WHERE id = ?", slot.toString(), pass.applicationId());
        if (consented) {
            jdbc.update("INSERT INTO slot_consent (slot, application_id, counterpart_reference, recorded_at, "
                    + "recorded_by_id, recorded_by_name) VALUES (?, ?, ?, ?, 0, 'test')", slot.toString(),
                    pass.applicationId(), "NK-" + pass.applicationId(), now);
        }
    }

    /** The approval is withdrawn: the pass module revokes the pass. */
    public void withdraw(IssuedPass pass) {
        transaction.executeWithoutResult(status -> events.publishEvent(
                new TripApprovalWithdrawn(pass.applicationId(), "test withdrawal")));
    }

    /** The application leaves APPROVED_FOR_TRAVEL while its pass stays live (e.g. a race with the revocation). */
    public void unapprove(IssuedPass pass) {
        jdbc.update("UPDATE travel_application SET status = 'WITHDRAWN' WHERE id = ?", pass.applicationId());
    }

    /** The pass ended ten minutes ago, beyond the clock skew (its holder may be inside). */
    public void expire(IssuedPass pass) {
        jdbc.update("UPDATE pass SET valid_until = ? WHERE pass_id = ?",
                LocalDateTime.now(ZoneOffset.UTC).minusMinutes(10), pass.passId());
    }

    /** The pass row disappears from under its (validly signed) token. */
    public void forget(IssuedPass pass) {
        jdbc.update("UPDATE pass SET pass_id = ? WHERE pass_id = ?", "gone" + pass.passId().substring(4),
                pass.passId());
    }

    /** The Authorization header of a scanner device issued now. */
    public static String deviceBearer(DeviceTokens tokens, String name) {
        return "Bearer " + tokens.issue(name + "-" + UUID.randomUUID(), null).token();
    }

    /**
     * A scan of {@code token} through the scanner API, with a fresh scan id, at lane 1; {@code gate} null scans at
     * the zone gate, {@code scannedAt} null now.
     */
    public static MockHttpServletRequestBuilder scanRequest(String bearer, String token, String gate,
            String direction, Instant scannedAt) {
        return MockMvcRequestBuilders.post("/api/v1/scans").header("Authorization", bearer)
                .contentType("application/json").content("{\"scanId\":\"" + UUID.randomUUID() + "\",\"token\":\""
                        + token + "\",\"direction\":\"" + direction + "\",\"lane\":\"1\""
                        + (gate == null ? "" : ",\"gate\":\"" + gate + "\"")
                        + (scannedAt == null ? "" : ",\"scannedAt\":\"" + scannedAt + "\"") + "}");
    }

    /** A scanner API answer in short: ACCEPTED, "ALERT x" (accepted with alert x) or the refusal's reason. */
    public static String outcome(String json) {
        String reason = json.replaceAll(".*\"reason\":\"?([A-Z_]+|null)\"?.*", "$1");
        String alert = json.replaceAll(".*\"alert\":\"?([A-Z_]+|null)\"?.*", "$1");
        return json.contains("\"decision\":\"ACCEPTED\"") ? ("null".equals(alert) ? "ACCEPTED" : "ALERT " + alert)
                : reason;
    }

    public static String tamperedSignature(String token) {
        int dot = token.lastIndexOf('.');
        char last = token.charAt(dot + 1);
        return token.substring(0, dot + 1) + (last == 'A' ? 'B' : 'A') + token.substring(dot + 2);
    }

    public static String unknownKey(String token) {
        int dot = token.indexOf('.');
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        String changed = header.replaceFirst("\"kid\"\\s*:\\s*\"[^\"]*\"", "\"kid\":\"never-published\"");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8))
                + token.substring(dot);
    }

    static Instant hoursAgo(int hours) {
        return Instant.now().minusSeconds(3600L * hours);
    }
}
