package kr.kaesongcrossing.notification;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import kr.kaesongcrossing.application.TravellerMoved;
import kr.kaesongcrossing.application.TravellerSlotCancelled;
import kr.kaesongcrossing.schedule.SlotKey;
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

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final AccountMail mail;
    private final MailDelivery delivery;

    SlotMailer(AccountMail mail, MailDelivery delivery) {
        this.mail = mail;
        this.delivery = delivery;
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
        return mail.compose(new AccountMail.About(accountId, applicationId, reference), eventKey, key + ".subject",
                locale -> mail.msg(key + ".text", locale, args.apply(locale)) + "\n\n");
    }

    /** "northbound (출경) 2026-12-03 08:30" in the reader's language. */
    private String slot(SlotKey slot, Locale locale) {
        return mail.msg(slot.direction().label(), locale) + " " + slot.date() + " " + TIME.format(slot.departsAt());
    }
}
