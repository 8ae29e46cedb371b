package kr.kaesongcrossing.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.ApplicationStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Mails the applicant when a decision reaches them, in the language of their account. The event is stored with the
 * deciding transaction (Spring Modulith's event publication registry), so a rolled-back decision sends nothing, and
 * handled after commit, asynchronously; its publication stays incomplete until the mail went out, and
 * {@link MailRetry} resubmits it. No transaction around the listener: {@link MailDelivery} commits its claim on the
 * mail before it talks to SMTP.
 */
@Component
class ApplicationMailer {

    /** Names the listener in stored publications: stays the same when this class is moved or renamed. */
    static final String LISTENER_ID = "notification.application-mail";

    private static final Logger log = LoggerFactory.getLogger(ApplicationMailer.class);
    private static final Set<ApplicationStatus> MAILED = Set.of(ApplicationStatus.APPROVED_FOR_TRAVEL,
            ApplicationStatus.REJECTED, ApplicationStatus.INFORMATION_REQUESTED, ApplicationStatus.CONSENT_REFUSED);

    private final Accounts accounts;
    private final MailDelivery delivery;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    ApplicationMailer(Accounts accounts, MailDelivery delivery, MessageSource messages, Clock clock,
            @Value("${kc.base-url:http://localhost:8080}") String baseUrl) {
        this.accounts = accounts;
        this.delivery = delivery;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The listener's condition (public for SpEL): other status changes are not even stored as publications. */
    public static boolean mailed(ApplicationStatusChanged event) {
        return MAILED.contains(event.to());
    }

    @ApplicationModuleListener(id = LISTENER_ID, propagation = Propagation.NOT_SUPPORTED,
            condition = "T(kr.kaesongcrossing.notification.ApplicationMailer).mailed(#event)")
    void on(ApplicationStatusChanged event) {
        String eventKey = event.applicationId() + "/" + event.to() + "/" + event.at();
        delivery.deliver(eventKey, () -> compose(event, eventKey));
    }

    private Optional<OutboundMail> compose(ApplicationStatusChanged event, String eventKey) {
        Optional<Accounts.Contact> found = accounts.contact(event.applicantAccountId());
        if (found.isEmpty()) {
            log.warn("No contact for account {}: no mail for {}", event.applicantAccountId(), event.reference());
        }
        return found.map(contact -> {
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
            return new OutboundMail(contact.email(), locale.getLanguage(), subject, body.toString(),
                    event.reference(), eventKey, clock.instant());
        });
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String date(LocalDate date) {
        return date.toString();
    }
}
