package kr.kaesongcrossing.notification;

import java.time.Duration;
import java.util.Optional;
import kr.kaesongcrossing.account.PasswordResetRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Mails a password reset link to the account's address, in its language, as {@link ApplicationMailer} mails
 * decisions (stored publication, after commit, resubmitted by {@link MailRetry}). The stored mail (and so
 * {@code /admin/mail}) holds the text with a placeholder instead of the link: the link signs its holder in, so it is
 * put in only as the mail goes out.
 */
@Component
class PasswordResetMailer {

    /** Names the listener in stored publications: stays the same when this class is moved or renamed. */
    static final String LISTENER_ID = "notification.password-reset-mail";
    private static final String LINK = "{link}";

    private final AccountMail mail;
    private final MailDelivery delivery;

    PasswordResetMailer(AccountMail mail, MailDelivery delivery) {
        this.mail = mail;
        this.delivery = delivery;
    }

    @ApplicationModuleListener(id = LISTENER_ID, propagation = Propagation.NOT_SUPPORTED)
    void on(PasswordResetRequested event) {
        String eventKey = "password-reset/" + event.linkId();
        delivery.deliver(eventKey, () -> compose(event, eventKey),
                body -> body.replace(LINK, mail.url(event.path())));
    }

    private Optional<OutboundMail> compose(PasswordResetRequested event, String eventKey) {
        // Whole minutes left, rounded up: a link mailed at once shows the full validity.
        long minutes = Math.max(1, (Duration.between(mail.now(), event.expiresAt()).toSeconds() + 59) / 60);
        return mail.compose(event.accountId(), null, eventKey,
                locale -> mail.msg("notification.mail.passwordReset.subject", locale),
                locale -> mail.msg("notification.mail.passwordReset.text", locale, minutes) + "\n\n" + LINK + "\n\n"
                        + mail.msg("notification.mail.passwordReset.notYou", locale) + "\n\n");
    }
}
