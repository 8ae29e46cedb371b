package kr.kaesongcrossing.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.ApplicationStatusChanged;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decisions as the application module publishes them (in a transaction), on one app instance, and what became of
 * their mail: the stored message and the event publication (gone once the listener completed).
 */
final class MailFixtures {

    private final TestAccounts accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    MailFixtures(ApplicationContext instance) {
        this.accounts = instance.getBean(TestAccounts.class);
        this.events = instance;
        this.transaction = new TransactionTemplate(instance.getBean(PlatformTransactionManager.class));
        this.jdbc = instance.getBean(JdbcTemplate.class);
        this.clock = instance.getBean(Clock.class);
    }

    AccountPrincipal applicant() {
        return accounts.create(Role.CIVILIAN, "en");
    }

    /** The applicant's application is rejected; answers its reference. */
    String reject(AccountPrincipal applicant) {
        String reference = "KC-M" + ThreadLocalRandom.current().nextInt(100_000_000);
        ApplicationStatusChanged rejected = new ApplicationStatusChanged(ThreadLocalRandom.current().nextLong(1L << 40),
                reference, applicant.id(), ApplicationStatus.SUBMITTED, ApplicationStatus.REJECTED, "Dates overlap.",
                null, null, clock.instant());
        transaction.executeWithoutResult(status -> events.publishEvent(rejected));
        return reference;
    }

    /** Status of the mail's event publication; null once it completed (completed ones are deleted). */
    String publication(String reference) {
        List<String> status = jdbc.queryForList("SELECT STATUS FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?",
                String.class, "%\"reference\":\"" + reference + "\"%");
        return status.isEmpty() ? null : String.join(",", status);
    }

    /** Status of the stored mails of that reference, e.g. "SENT" (one), "FAILED", "" (none). */
    String mail(String reference) {
        return String.join(",", jdbc.queryForList("SELECT status FROM outbound_mail WHERE reference = ? ORDER BY id",
                String.class, reference));
    }

    String error(String reference) {
        return jdbc.queryForObject("SELECT error FROM outbound_mail WHERE reference = ?", String.class, reference);
    }

    Instant now() {
        return clock.instant();
    }
}
