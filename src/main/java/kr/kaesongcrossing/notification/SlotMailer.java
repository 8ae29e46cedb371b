package kr.kaesongcrossing.notification;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.application.TravellerMoved;
import kr.kaesongcrossing.application.TravellerSlotCancelled;
import kr.kaesongcrossing.schedule.SlotKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Mails the applicant when their crossing changes: an officer moved them to another slot, or their slot was
 * cancelled (an officer will move them). Delivered like {@link ApplicationMailer}: stored with the event's
 * transaction, sent after commit, retried until it went out.
 */
@Component
class SlotMailer {

    /** Names the listeners in stored publications: stay the same when this class is moved or renamed. */
    static final String MOVED_ID = "notification.slot-moved-mail";
    static final String CANCELLED_ID = "notification.slot-cancelled-mail";

    private static final Logger log = LoggerFactory.getLogger(SlotMailer.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Accounts accounts;
    private final MailDelivery delivery;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    SlotMailer(Accounts accounts, MailDelivery delivery, MessageSource messages, Clock clock,
            @Value("${kc.base-url:http://localhost:8080}") String baseUrl) {
        this.accounts = accounts;
        this.delivery = delivery;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @ApplicationModuleListener(id = MOVED_ID, propagation = Propagation.NOT_SUPPORTED)
    void on(TravellerMoved event) {
        String eventKey = event.applicationId() + "/moved/" + event.to();
        delivery.deliver(eventKey, () -> compose(event.applicantAccountId(), event.applicationId(), event.reference(),
                eventKey, "notification.mail.slotMoved", locale -> new Object[] {event.reference(),
                    slot(event.to(), locale)}));
    }

    @ApplicationModuleListener(id = CANCELLED_ID, propagation = Propagation.NOT_SUPPORTED)
    void on(TravellerSlotCancelled event) {
        String eventKey = event.applicationId() + "/cancelled/" + event.slot();
        delivery.deliver(eventKey, () -> compose(event.applicantAccountId(), event.applicationId(), event.reference(),
                eventKey, "notification.mail.slotCancelled", locale -> new Object[] {event.reference(),
                    slot(event.slot(), locale), event.reason() == null ? "" : event.reason()}));
    }

    private Optional<OutboundMail> compose(long accountId, long applicationId, String reference, String eventKey,
            String key, Function<Locale, Object[]> args) {
        Optional<Accounts.Contact> found = accounts.contact(accountId);
        if (found.isEmpty()) {
            log.warn("No contact for account {}: no mail for {}", accountId, reference);
        }
        return found.map(contact -> {
            Locale locale = "en".equals(contact.language()) ? Locale.ENGLISH : Locale.KOREAN;
            String body = msg("notification.mail.greeting", locale, contact.displayName()) + "\n\n"
                    + msg(key + ".text", locale, args.apply(locale)) + "\n\n"
                    + msg("notification.mail.link", locale, baseUrl + "/applications/" + applicationId) + "\n\n"
                    + msg("notification.mail.signature", locale) + "\n";
            return new OutboundMail(contact.email(), locale.getLanguage(), msg(key + ".subject", locale, reference),
                    body, reference, eventKey, clock.instant());
        });
    }

    /** "northbound (출경) 2026-12-03 08:30" in the reader's language. */
    private String slot(SlotKey slot, Locale locale) {
        return msg(slot.direction().label(), locale) + " " + slot.date() + " " + TIME.format(slot.departsAt());
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
