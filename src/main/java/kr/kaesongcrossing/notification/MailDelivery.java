package kr.kaesongcrossing.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends an applicant's mail once, also with two instances on one database: the attempt that stores the mail, or
 * that claims the stored one (row lock, then {@link OutboundMail#claim}), sends it, and the claim is committed
 * before SMTP is asked, so no connection is held meanwhile. With an SMTP server ({@code spring.mail.host}) the
 * mail goes there; without one (demo mode only: start-up requires one otherwise) only its id is logged and the
 * text stays in the database for {@code /admin/mail}. The stored message records the outcome; a
 * mail that did not go out ends in {@link MailNotSent}, which leaves the event publication incomplete for
 * {@link MailRetry}.
 */
@Component
class MailDelivery {

    /** How long an attempt holds a mail: far longer than an SMTP conversation may take (timeouts in properties). */
    static final Duration LEASE = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final OutboundMailRepository mails;
    private final ObjectProvider<JavaMailSender> sender;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String from;

    MailDelivery(OutboundMailRepository mails, ObjectProvider<JavaMailSender> sender,
            PlatformTransactionManager transactionManager, Clock clock,
            @Value("${kc.mail.from:no-reply@kaesong-crossing.test}") String from,
            @Value("${spring.mail.host:}") String smtpHost, @Value("${kc.demo.enabled:false}") boolean demoMode,
            @Value("${kc.mail.log-without-smtp:false}") boolean logWithoutSmtp) {
        if (smtpHost.isBlank() && !demoMode && !logWithoutSmtp) {
            throw new IllegalStateException("No SMTP server configured: outside demo mode mail to applicants must go "
                    + "out. Set spring.mail.host (SPRING_MAIL_HOST) and as needed spring.mail.port, "
                    + "spring.mail.username and spring.mail.password.");
        }
        this.mails = mails;
        this.sender = sender;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.from = from;
    }

    /**
     * Sends the mail of {@code eventKey}, stored first from {@code compose} (empty: nothing to send), unless it went
     * out already.
     *
     * @throws MailNotSent when SMTP failed or another attempt holds the mail right now
     */
    void deliver(String eventKey, Supplier<Optional<OutboundMail>> compose) {
        deliver(eventKey, compose, UnaryOperator.identity());
    }

    /**
     * As {@link #deliver(String, Supplier)}, and {@code complete} turns the stored body into the one sent: for what
     * the database and {@code /admin/mail} must not hold (a password reset link).
     */
    void deliver(String eventKey, Supplier<Optional<OutboundMail>> compose, UnaryOperator<String> complete) {
        OutboundMail mail = transactions.execute(tx -> take(eventKey, compose));
        if (mail == null) {
            return;
        }
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            // The id only: the text (name, decision reason) and the address stay in the database (/admin/mail).
            log.info("Mail {} not sent: no SMTP server configured (demo mode); see /admin/mail", mail.getId());
            record(mail, m -> m.logged(clock.instant()));
            return;
        }
        try {
            smtp.send(message(smtp, mail, complete));
        } catch (MailException | MessagingException e) {
            log.warn("Mail {} failed: {}", mail.getId(), e.getClass().getSimpleName());
            record(mail, m -> m.failed(e.getMessage()));
            throw new MailNotSent("Mail " + mail.getId() + " not sent", e);
        }
        record(mail, m -> m.sent(clock.instant()));
    }

    /** The mail this attempt sends, now held by it; null when there is none or it went out already. */
    private OutboundMail take(String eventKey, Supplier<Optional<OutboundMail>> compose) {
        Optional<Long> stored = mails.findIdByEventKey(eventKey);
        if (stored.isEmpty()) {
            // Of two attempts storing the same mail at once, the unique event_key lets one commit.
            return compose.get().map(mails::saveAndFlush).orElse(null);
        }
        OutboundMail mail = mails.lockById(stored.get()).orElseThrow();
        if (mail.wentOut()) {
            return null;
        }
        if (!mail.claim(clock.instant(), LEASE)) {
            throw new MailNotSent("Mail " + mail.getId() + " is being sent by another attempt", null);
        }
        return mail;
    }

    private void record(OutboundMail mail, Consumer<OutboundMail> outcome) {
        transactions.executeWithoutResult(tx -> outcome.accept(mails.findById(mail.getId()).orElseThrow()));
    }

    private MimeMessage message(JavaMailSender smtp, OutboundMail mail, UnaryOperator<String> complete)
            throws MessagingException {
        MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.getRecipient());
        helper.setSubject(mail.getSubject());
        helper.setText(complete.apply(mail.getBody()), false);
        message.setHeader("Content-Language", mail.getLanguage());
        return message;
    }

    /** The mail did not go out this time; the event publication stays incomplete, so it is tried again. */
    static final class MailNotSent extends RuntimeException {

        MailNotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
