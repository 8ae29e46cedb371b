package kr.kaesongcrossing.notification;

import java.time.LocalDate;
import java.util.Optional;
import kr.kaesongcrossing.application.PlannedTrip;
import kr.kaesongcrossing.application.TravelApprovals;
import kr.kaesongcrossing.checkpoint.RouteMode;
import kr.kaesongcrossing.checkpoint.RouteModeChanged;
import kr.kaesongcrossing.checkpoint.RoutePeriod;
import kr.kaesongcrossing.system.OfficeTime;
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

    private final TravelApprovals trips;
    private final AccountMail mail;
    private final MailDelivery delivery;

    RouteMailer(TravelApprovals trips, AccountMail mail, MailDelivery delivery) {
        this.trips = trips;
        this.mail = mail;
        this.delivery = delivery;
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
        RoutePeriod period = event.period();
        return mail.compose(new AccountMail.About(trip.applicantAccountId(), trip.applicationId(), trip.reference()),
                eventKey, "notification.route.subject", locale -> mail.msg("notification.route.text", locale,
                        OfficeTime.minutes(period.from()), mail.msg("checkpoint.route.mode." + period.mode(), locale),
                        trip.reference(), trip.entryDate().toString(), trip.returnDate().toString()) + "\n"
                        + (period.until() == null ? mail.msg("notification.route.untilFurtherNotice", locale)
                                : mail.msg("notification.route.until", locale, OfficeTime.minutes(period.until())))
                        + "\n\n" + mail.msg("notification.route.reason", locale, event.reason()) + "\n\n");
    }
}
