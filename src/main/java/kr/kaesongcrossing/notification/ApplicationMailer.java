package kr.kaesongcrossing.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.ApplicationStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the applicant's mail when a decision reaches them, in the language of their account, inside the
 * deciding transaction (so a rolled-back decision sends nothing); {@link MailDelivery} sends it after commit.
 */
@Component
class ApplicationMailer {

    private static final Logger log = LoggerFactory.getLogger(ApplicationMailer.class);
    static final Set<ApplicationStatus> MAILED = Set.of(ApplicationStatus.APPROVED_FOR_TRAVEL,
            ApplicationStatus.REJECTED, ApplicationStatus.INFORMATION_REQUESTED, ApplicationStatus.CONSENT_REFUSED);

    private final Accounts accounts;
    private final OutboundMailRepository mails;
    private final MessageSource messages;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final String baseUrl;

    ApplicationMailer(Accounts accounts, OutboundMailRepository mails, MessageSource messages,
            ApplicationEventPublisher publisher, Clock clock,
            @Value("${kc.base-url:http://localhost:8080}") String baseUrl) {
        this.accounts = accounts;
        this.mails = mails;
        this.messages = messages;
        this.publisher = publisher;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @EventListener
    void on(ApplicationStatusChanged event) {
        if (!MAILED.contains(event.to())) {
            return;
        }
        accounts.contact(event.applicantAccountId()).ifPresentOrElse(contact -> {
            Locale locale = "en".equals(contact.language()) ? Locale.ENGLISH : Locale.KOREAN;
            String key = "notification.mail." + event.to().name();
            String subject = msg(key + ".subject", locale, event.reference());
            StringBuilder body = new StringBuilder()
                    .append(msg("notification.mail.greeting", locale, contact.displayName())).append("\n\n")
                    .append(msg(key + ".text", locale, event.reference())).append("\n");
            if (event.reason() != null) {
                body.append("\n").append(msg(key + ".reason", locale, event.reason())).append("\n");
            }
            if (event.entryDate() != null && event.returnDate() != null) {
                body.append("\n").append(msg("notification.mail.trip", locale, date(event.entryDate()),
                        date(event.returnDate()))).append("\n");
            }
            body.append(msg("notification.mail.link", locale, baseUrl + "/applications/" + event.applicationId()))
                    .append("\n\n").append(msg("notification.mail.signature", locale)).append("\n");
            OutboundMail mail = mails.save(new OutboundMail(contact.email(), locale.getLanguage(), subject,
                    body.toString(), event.reference(), clock.instant()));
            publisher.publishEvent(new MailQueued(mail.getId()));
        }, () -> log.warn("No contact for account {}: no mail for {}", event.applicantAccountId(), event.reference()));
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String date(LocalDate date) {
        return date.toString();
    }
}
