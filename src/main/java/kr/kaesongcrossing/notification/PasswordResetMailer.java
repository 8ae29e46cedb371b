package kr.kaesongcrossing.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.account.PasswordResetRequested;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
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

    private final Accounts accounts;
    private final MailDelivery delivery;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    PasswordResetMailer(Accounts accounts, MailDelivery delivery, MessageSource messages, Clock clock,
            @Value("${kc.base-url:http://localhost:8080}") String baseUrl) {
        this.accounts = accounts;
        this.delivery = delivery;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @ApplicationModuleListener(id = LISTENER_ID, propagation = Propagation.NOT_SUPPORTED)
    void on(PasswordResetRequested event) {
        String eventKey = "password-reset/" + event.linkId();
        delivery.deliver(eventKey, () -> compose(event, eventKey),
                body -> body.replace(LINK, baseUrl + event.path()));
    }

    private Optional<OutboundMail> compose(PasswordResetRequested event, String eventKey) {
        return accounts.contact(event.accountId()).map(contact -> {
            Locale locale = "en".equals(contact.language()) ? Locale.ENGLISH : Locale.KOREAN;
            // Whole minutes left, rounded up: a link mailed at once shows the full validity.
            long minutes = Math.max(1, (Duration.between(clock.instant(), event.expiresAt()).toSeconds() + 59) / 60);
            String body = msg("notification.mail.greeting", locale, contact.displayName()) + "\n\n"
                    + msg("notification.mail.passwordReset.text", locale, minutes) + "\n\n" + LINK + "\n\n"
                    + msg("notification.mail.passwordReset.notYou", locale) + "\n\n"
                    + msg("notification.mail.signature", locale) + "\n";
            return new OutboundMail(contact.email(), locale.getLanguage(),
                    msg("notification.mail.passwordReset.subject", locale), body, null, eventKey, clock.instant());
        });
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
