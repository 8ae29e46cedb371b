package kr.kaesongcrossing.pass;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import kr.kaesongcrossing.TestImages;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.application.TripApprovedForTravel;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Test data: accounts (through the foundation's TestAccounts) and trips approved for travel. */
final class PassFixtures {

    private static final AtomicLong APPLICATION_IDS = new AtomicLong(
            System.currentTimeMillis() % 1_000_000_000L * 1000);

    private final TestAccounts accounts;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    PassFixtures(TestAccounts accounts, JdbcTemplate jdbc, ApplicationEventPublisher events,
            TransactionTemplate transaction) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = transaction;
    }

    AccountPrincipal account(Role role) {
        return accounts.create(role);
    }

    /** A trip from today (KST) to the day after tomorrow. */
    TripApprovedForTravel trip(AccountPrincipal holder) {
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        return trip(holder, today, today.plusDays(2), "김민준", "KIM MINJUN");
    }

    TripApprovedForTravel trip(AccountPrincipal holder, LocalDate entry, LocalDate back, String korean,
            String latin) {
        long applicationId = APPLICATION_IDS.incrementAndGet();
        String reference = "KC-2026-" + String.format("%06d", applicationId % 1_000_000);
        return new TripApprovedForTravel(applicationId, reference, holder.id(), korean, latin,
                LocalDate.of(1990, 3, 15), "KOR", entry, back, TestImages.portraitJpeg());
    }

    /** Publishes the approval in a transaction, as the application module does; returns the issued pass id. */
    String approve(TripApprovedForTravel trip) {
        transaction.executeWithoutResult(status -> events.publishEvent(trip));
        return jdbc.queryForObject("select pass_id from pass where current_for_application = ?", String.class,
                trip.applicationId());
    }

    String token(String passId) {
        return jdbc.queryForObject("select token from pass where pass_id = ?", String.class, passId);
    }
}
