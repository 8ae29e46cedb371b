package kr.kaesongcrossing.notification;

import kr.kaesongcrossing.application.PermitExpiring;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Reminds a standing permit's holder that it ends soon (their coordinator asks for the renewal). Delivered like
 * {@link ApplicationMailer}: stored with the event's transaction, sent after commit, retried until it went out.
 */
@Component
class PermitMailer {

    /** Names the listener in stored publications: stays the same when this class is moved or renamed. */
    static final String EXPIRING_ID = "notification.permit-expiring-mail";

    private final AccountMail mail;
    private final MailDelivery delivery;

    PermitMailer(AccountMail mail, MailDelivery delivery) {
        this.mail = mail;
        this.delivery = delivery;
    }

    @ApplicationModuleListener(id = EXPIRING_ID, propagation = Propagation.NOT_SUPPORTED)
    void on(PermitExpiring event) {
        String eventKey = "permit/" + event.permitId() + "/expiring";
        delivery.deliver(eventKey, () -> mail.compose(event.holderAccountId(), event.reference(), eventKey,
                locale -> mail.msg("notification.mail.permitExpiring.subject", locale, event.reference()),
                locale -> mail.msg("notification.mail.permitExpiring.text", locale, event.reference(),
                        event.validUntil().toString()) + "\n\n" + mail.msg("notification.mail.permitLink", locale,
                                mail.url("/permits")) + "\n\n"));
    }
}
