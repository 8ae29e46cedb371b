package kr.kaesongcrossing.notification;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import kr.kaesongcrossing.account.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a mail to an applicant about one of their applications, in the language of their account: greeting, what
 * happened (written by the mailer), the link to the application, signature. The one place that knows the layout every
 * applicant mail shares.
 */
@Component
class ApplicantMail {

    private static final Logger log = LoggerFactory.getLogger(ApplicantMail.class);

    private final Accounts accounts;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    ApplicantMail(Accounts accounts, MessageSource messages, Clock clock,
            @Value("${kc.base-url:http://localhost:8080}") String baseUrl) {
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Whom the mail is to, and which application it is about. */
    record About(long accountId, long applicationId, String reference) {
    }

    /**
     * The mail, or none when the account has no contact (logged). The subject is {@code subjectKey} with the
     * reference; {@code text} writes what happened in the reader's language, ending with the line breaks that
     * separate it from the link.
     */
    Optional<OutboundMail> compose(About about, String eventKey, String subjectKey, Function<Locale, String> text) {
        Optional<Accounts.Contact> found = accounts.contact(about.accountId());
        if (found.isEmpty()) {
            log.warn("No contact for account {}: no mail for {}", about.accountId(), about.reference());
        }
        return found.map(contact -> {
            Locale locale = "en".equals(contact.language()) ? Locale.ENGLISH : Locale.KOREAN;
            String body = msg("notification.mail.greeting", locale, contact.displayName()) + "\n\n"
                    + text.apply(locale)
                    + msg("notification.mail.link", locale, baseUrl + "/applications/" + about.applicationId())
                    + "\n\n" + msg("notification.mail.signature", locale) + "\n";
            return new OutboundMail(contact.email(), locale.getLanguage(),
                    msg(subjectKey, locale, about.reference()), body, about.reference(), eventKey, clock.instant());
        });
    }

    String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
