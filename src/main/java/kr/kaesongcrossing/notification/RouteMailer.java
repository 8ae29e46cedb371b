package kr.kaesongcrossing.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.application.PlannedTrip;
import kr.kaesongcrossing.application.TravelApprovals;
import kr.kaesongcrossing.checkpoint.RouteMode;
import kr.kaesongcrossing.checkpoint.RouteModeChanged;
import kr.kaesongcrossing.checkpoint.RoutePeriod;
import kr.kaesongcrossing.system.OfficeTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Mails each applicant whose planned trip a route mode change meets ({@link RoutePeriod#meets}), in the language of
 * their account; one mail per change and trip. Delivered like {@link ApplicationMailer}'s mails: if some did not go
 * out, the publication stays incomplete and the retry sends only those (the others went out already).
 */
@Component
class RouteMailer {

    /** Names the listener in stored publications: stays the same when this class is moved or renamed. */
    static final String LISTENER_ID = "notification.route-mail";

    /** The last day asked about for a mode "until further notice"; a date every database stores. */
    private static final LocalDate FURTHER_NOTICE = LocalDate.of(9999, 12, 31);

    private static final Logger log = LoggerFactory.getLogger(RouteMailer.class);

    private final TravelApprovals trips;
    private final Accounts accounts;
    private final MailDelivery delivery;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    RouteMailer(TravelApprovals trips, Accounts accounts, MailDelivery delivery, MessageSource messages, Clock clock,
            @Value("${kc.base-url:http://localhost:8080}") String baseUrl) {
        this.trips = trips;
        this.accounts = accounts;
        this.delivery = delivery;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @ApplicationModuleListener(id = LISTENER_ID, propagation = Propagation.NOT_SUPPORTED)
    void on(RouteModeChanged event) {
        RoutePeriod period = event.period();
        if (period.mode() == RouteMode.OPEN) {
            return;
        }
        LocalDate first = OfficeTime.dateOf(period.from());
        LocalDate last = period.until() == null ? FURTHER_NOTICE : OfficeTime.dateOf(period.until());
        MailDelivery.MailNotSent failed = null;
        for (PlannedTrip trip : trips.plannedTrips(first, last)) {
            if (!period.meets(trip.entryDate(), trip.returnDate())) {
                continue;
            }
            String eventKey = "route/" + event.changeId() + "/" + trip.applicationId();
            try {
                delivery.deliver(eventKey, () -> compose(event, trip, eventKey));
            } catch (MailDelivery.MailNotSent e) {
                failed = e; // the others still go out; this one is tried again with the publication
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private Optional<OutboundMail> compose(RouteModeChanged event, PlannedTrip trip, String eventKey) {
        Optional<Accounts.Contact> found = accounts.contact(trip.applicantAccountId());
        if (found.isEmpty()) {
            log.warn("No contact for account {}: no route mail for {}", trip.applicantAccountId(), trip.reference());
        }
        return found.map(contact -> {
            Locale locale = "en".equals(contact.language()) ? Locale.ENGLISH : Locale.KOREAN;
            RoutePeriod period = event.period();
            String mode = msg("checkpoint.route.mode." + period.mode(), locale);
            String body = msg("notification.mail.greeting", locale, contact.displayName()) + "\n\n"
                    + msg("notification.route.text", locale, OfficeTime.minutes(period.from()), mode,
                            trip.reference(), trip.entryDate().toString(), trip.returnDate().toString()) + "\n"
                    + (period.until() == null ? msg("notification.route.untilFurtherNotice", locale)
                            : msg("notification.route.until", locale, OfficeTime.minutes(period.until()))) + "\n\n"
                    + msg("notification.route.reason", locale, event.reason()) + "\n\n"
                    + msg("notification.mail.link", locale, baseUrl + "/applications/" + trip.applicationId())
                    + "\n\n" + msg("notification.mail.signature", locale) + "\n";
            return new OutboundMail(contact.email(), locale.getLanguage(),
                    msg("notification.route.subject", locale, trip.reference()), body, trip.reference(), eventKey,
                    clock.instant());
        });
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
