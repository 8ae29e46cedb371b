package kr.kaesongcrossing.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends stored mail after the deciding transaction committed. With an SMTP server configured
 * ({@code spring.mail.host}) it goes there; without one (demo mode) it is written to the log. Either way the
 * stored message records the outcome, and a failure never undoes the decision.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final OutboundMailRepository mails;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final String from;

    MailDelivery(OutboundMailRepository mails, ObjectProvider<JavaMailSender> sender, Clock clock,
            @Value("${kc.mail.from:no-reply@kaesong-crossing.test}") String from) {
        this.mails = mails;
        this.sender = sender;
        this.clock = clock;
        this.from = from;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void deliver(MailQueued queued) {
        OutboundMail mail = mails.findById(queued.mailId()).orElse(null);
        if (mail == null || mail.getStatus() != OutboundMail.Status.PENDING) {
            return;
        }
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            log.info("Mail (no SMTP server configured) to {}: {}\n{}", mail.getRecipient(), mail.getSubject(),
                    mail.getBody());
            mail.logged(clock.instant());
            return;
        }
        try {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.getRecipient());
            helper.setSubject(mail.getSubject());
            helper.setText(mail.getBody(), false);
            message.setHeader("Content-Language", mail.getLanguage());
            smtp.send(message);
            mail.sent(clock.instant());
        } catch (MailException | MessagingException e) {
            log.warn("Mail {} to {} failed: {}", mail.getId(), mail.getRecipient(), e.getMessage());
            mail.failed(e.getMessage());
        }
    }
}
