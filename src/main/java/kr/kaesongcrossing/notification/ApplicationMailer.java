package kr.kaesongcrossing.notification;

import java.util.Optional;
import java.util.Set;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.ApplicationStatusChanged;
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

    private static final Set<ApplicationStatus> MAILED = Set.of(ApplicationStatus.APPROVED_FOR_TRAVEL,
            ApplicationStatus.REJECTED, ApplicationStatus.INFORMATION_REQUESTED, ApplicationStatus.CONSENT_REFUSED);

    private final AccountMail mail;
    private final MailDelivery delivery;

    ApplicationMailer(AccountMail mail, MailDelivery delivery) {
        this.mail = mail;
        this.delivery = delivery;
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
        String key = "notification.mail." + event.to().name();
        return mail.compose(new AccountMail.About(event.applicantAccountId(), event.applicationId(),
                event.reference()), eventKey, key + ".subject", locale -> {
                    StringBuilder text = new StringBuilder(mail.msg(key + ".text", locale, event.reference()))
                            .append("\n");
                    if (event.reason() != null) {
                        text.append("\n").append(mail.msg(key + ".reason", locale, event.reason())).append("\n");
                    }
                    if (event.entryDate() != null && event.returnDate() != null) {
                        text.append("\n").append(mail.msg("notification.mail.trip", locale,
                                event.entryDate().toString(), event.returnDate().toString())).append("\n");
                    }
                    return text.toString();
                });
    }
}
