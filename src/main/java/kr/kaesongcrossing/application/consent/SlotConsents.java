package kr.kaesongcrossing.application.consent;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.model.Action;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.ApplicationNotFoundException;
import kr.kaesongcrossing.application.model.IllegalTransitionException;
import kr.kaesongcrossing.application.model.StaleApplicationException;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.application.model.TravelApplicationRepository;
import kr.kaesongcrossing.application.review.ReviewService;
import kr.kaesongcrossing.schedule.Booking;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.Slots;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counterpart's consent per slot. Recording it for a trip in a slot records the trip's consent as before (a trip
 * awaiting consent becomes approved for travel, its pass is issued) and remembers that the North consented to this
 * slot: only then may the traveller cross in it. A trip already approved for travel (consented for its other
 * direction, or before slots existed) only gets the slot's consent added.
 */
@Service
public class SlotConsents {

    private final JdbcTemplate jdbc;
    private final TravelApplicationRepository applications;
    private final ReviewService reviews;
    private final Slots slots;
    private final Clock clock;

    SlotConsents(JdbcTemplate jdbc, TravelApplicationRepository applications, ReviewService reviews, Slots slots,
            Clock clock) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.reviews = reviews;
        this.slots = slots;
        this.clock = clock;
    }

    /**
     * Records the counterpart's consent for the trip in {@code slot}; recording it again changes nothing.
     * {@code expectedVersion}: the trip's version the officer saw (refused if it changed since), null for none.
     *
     * @return the trip's status afterwards
     * @throws SlotConsentRefusal         when the trip holds no seat in the slot, or the officer is its applicant
     * @throws IllegalTransitionException when the trip is neither awaiting consent nor approved for travel
     * @throws StaleApplicationException  when the trip changed since {@code expectedVersion}
     */
    @RetryOnWriteConflict
    @Transactional
    public ApplicationStatus record(long applicationId, SlotKey slot, String counterpartReference, Actor officer,
            Long expectedVersion) {
        TravelApplication application = applications.findForUpdate(applicationId)
                .filter(a -> a.getSubmittedAt() != null)
                .orElseThrow(ApplicationNotFoundException::new);
        if (expectedVersion != null && application.getVersion() != expectedVersion) {
            throw new StaleApplicationException(application.getStatus());
        }
        if (slots.bookings(applicationId).stream().map(Booking::slot).noneMatch(slot::equals)) {
            throw SlotConsentRefusal.notInSlot();
        }
        if (TravelApplication.isOwnApplication(application.getApplicantId(), officer)) {
            throw SlotConsentRefusal.own();
        }
        ApplicationStatus status = switch (application.getStatus()) {
            case AWAITING_CONSENT -> reviews.recordConsent(applicationId, application.getVersion(), officer, true,
                    counterpartReference, null);
            case APPROVED_FOR_TRAVEL -> ApplicationStatus.APPROVED_FOR_TRAVEL;
            default -> throw new IllegalTransitionException(Action.RECORD_CONSENT, application.getStatus());
        };
        jdbc.update("INSERT IGNORE INTO slot_consent (slot, application_id, counterpart_reference, recorded_at, "
                + "recorded_by_id, recorded_by_name) VALUES (?, ?, ?, ?, ?, ?)", slot.toString(), applicationId,
                counterpartReference.strip(), Timestamp.from(clock.instant()), officer.accountId(), officer.name());
        return status;
    }

    /** The trips of {@code slot} the counterpart consented to. */
    @Transactional(readOnly = true)
    public Set<Long> consentedIn(SlotKey slot) {
        return new HashSet<>(jdbc.queryForList("SELECT application_id FROM slot_consent WHERE slot = ?", Long.class,
                slot.toString()));
    }

    /** Which of {@code slots} have a consent list recorded (at least one traveller), by their text keys. */
    @Transactional(readOnly = true)
    public Set<String> withConsent(Collection<SlotKey> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        List<String> texts = keys.stream().map(SlotKey::toString).toList();
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT slot FROM slot_consent WHERE slot IN ("
                + String.join(",", texts.stream().map(t -> "?").toList()) + ")", String.class, texts.toArray()));
    }
}
