package kr.kaesongcrossing.notification;

import java.time.Clock;
import java.time.Instant;
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
 * Writes a mail to the holder of an account in the language of their account: greeting, what happened (written by
 * the mailer), signature; for an applicant, the link to the application before the signature. The one place that
 * knows the layout every mail of ours shares.
 */
@Component
class AccountMail {

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

    private final Accounts accounts;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    AccountMail(Accounts accounts, MessageSource messages, Clock clock,
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
     * The mail to an applicant about their application, or none when the account has no contact (logged). The
     * subject is {@code subjectKey} with the reference; {@code text} writes what happened in the reader's language,
     * ending with the line breaks that separate it from the link.
     */
    Optional<OutboundMail> compose(About about, String eventKey, String subjectKey, Function<Locale, String> text) {
        return compose(about.accountId(), about.reference(), eventKey,
                locale -> msg(subjectKey, locale, about.reference()),
                locale -> text.apply(locale) + msg("notification.mail.link", locale,
                        url("/applications/" + about.applicationId())) + "\n\n");
    }

    /**
     * The mail to the holder of an account, or none when the account has no contact (logged); {@code reference}
     * names what it is about in the mail log (may be null). {@code text} ends with the line breaks before the
     * signature.
     */
    Optional<OutboundMail> compose(long accountId, String reference, String eventKey,
            Function<Locale, String> subject, Function<Locale, String> text) {
        Optional<Accounts.Contact> found = accounts.contact(accountId);
        if (found.isEmpty()) {
            log.warn("No contact for account {}: no mail {}", accountId, eventKey);
        }
        return found.map(contact -> {
            Locale locale = "en".equals(contact.language()) ? Locale.ENGLISH : Locale.KOREAN;
            String body = msg("notification.mail.greeting", locale, contact.displayName()) + "\n\n"
                    + text.apply(locale) + msg("notification.mail.signature", locale) + "\n";
            return new OutboundMail(contact.email(), locale.getLanguage(), subject.apply(locale), body, reference,
                    eventKey, clock.instant());
        });
    }

    /** The address of a page of the site, from {@code kc.base-url}. */
    String url(String path) {
        return baseUrl + path;
    }

    Instant now() {
        return clock.instant();
    }

    String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
