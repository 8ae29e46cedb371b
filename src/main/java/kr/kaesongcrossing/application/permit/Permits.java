package kr.kaesongcrossing.application.permit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.application.PermitExpiring;
import kr.kaesongcrossing.application.PermitGranted;
import kr.kaesongcrossing.application.PermitRevoked;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.IdDocumentType;
import kr.kaesongcrossing.application.model.ApplicationSettings;
import kr.kaesongcrossing.application.model.StatusEvents;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.application.model.TravelApplicationRepository;
import kr.kaesongcrossing.application.model.TripDetails;
import kr.kaesongcrossing.application.photo.ApplicationPhoto;
import kr.kaesongcrossing.application.photo.ApplicationPhotoRepository;
import kr.kaesongcrossing.application.photo.PhotoProcessor;
import kr.kaesongcrossing.application.presence.TravellerPositions;
import kr.kaesongcrossing.application.profile.Profiles;
import kr.kaesongcrossing.application.profile.TravellerProfile;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.organisation.OrganisationRole;
import kr.kaesongcrossing.organisation.Organisations;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.Slots;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.IdentityHash;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standing permits: officers grant and revoke them, holders book crossings on them, coordinators ask for their
 * members' renewals. A booking is a trip like any other (its seats, the slot's manifest, the counterpart's consent
 * per slot), without the review, travelling on the permit's pass.
 */
@Service
public class Permits {

    private final StandingPermitRepository permits;
    private final PermitRenewalRepository renewals;
    private final TravelApplicationRepository applications;
    private final ApplicationPhotoRepository photos;
    private final TravellerPositions positions;
    private final StatusEvents statusEvents;
    private final Slots slots;
    private final Organisations organisations;
    private final Profiles profiles;
    private final ApplicationSettings applicationSettings;
    private final PermitRules rules;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final IdentityHash identityHash;
    private final Clock clock;

    Permits(StandingPermitRepository permits, PermitRenewalRepository renewals,
            TravelApplicationRepository applications, ApplicationPhotoRepository photos,
            TravellerPositions positions, StatusEvents statusEvents, Slots slots, Organisations organisations,
            Profiles profiles,
            ApplicationSettings applicationSettings, PermitSettings settings, ApplicationEventPublisher events,
            AuditTrail audit, IdentityHash identityHash, Clock clock) {
        this.identityHash = identityHash;
        this.permits = permits;
        this.renewals = renewals;
        this.applications = applications;
        this.photos = photos;
        this.positions = positions;
        this.statusEvents = statusEvents;
        this.slots = slots;
        this.organisations = organisations;
        this.profiles = profiles;
        this.applicationSettings = applicationSettings;
        this.rules = new PermitRules(settings.maxMonths());
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    PermitRules rules() {
        return rules;
    }

    /** The personal data a permit's crossings carry (names, birth date, document, phone, photo). */
    public record OnFile(String nameKorean, String nameLatin, LocalDate dateOfBirth, String nationality,
            IdDocumentType idDocumentType, String idNumber, String phone, PhotoProcessor.Photo photo) {
    }

    /**
     * The holder's data on file: their traveller profile (with its photo), else their latest own application with
     * a photo, for a holder who applied before profiles existed.
     */
    public Optional<OnFile> dataOnFile(long holderId) {
        Optional<OnFile> profile = profiles.own(holderId).filter(TravellerProfile::isHasPhoto)
                .flatMap(p -> profiles.photoOf(p.getId()).map(photo -> new OnFile(p.getNameKorean(),
                        p.getNameLatin(), p.getDateOfBirth(), p.getNationality(), p.getIdDocumentType(),
                        p.getIdNumber(), p.getPhone(), photo)));
        if (profile.isPresent()) {
            return profile;
        }
        return applications
                .findFirstByApplicantIdAndPermitIdIsNullAndSubmittedAtIsNotNullAndHasPhotoTrueOrderBySubmittedAtDesc(
                        holderId)
                .flatMap(a -> photos.findById(a.getId()).map(photo -> new OnFile(a.getNameKorean(),
                        a.getNameLatin(), a.getDateOfBirth(), a.getNationality(), a.getIdDocumentType(),
                        a.getIdNumber(), a.getPhone(), photo.photo())));
    }

    /** An officer grants a permit; the holder's pass is issued with it. */
    @RetryOnWriteConflict
    @Transactional
    public StandingPermit grant(PermitTerms terms, long officerId) {
        return grant(terms, officerId, null);
    }

    private StandingPermit grant(PermitTerms terms, long officerId, Long renews) {
        rules.checkGrant(terms, organisations.isMember(terms.holderId(), terms.organisationId()), today());
        OnFile onFile = dataOnFile(terms.holderId())
                .orElseThrow(() -> new PermitRefused("permit.error.noDataOnFile"));
        byte[] photo = onFile.photo().jpeg();
        StandingPermit permit = permits.saveAndFlush(new StandingPermit(terms, identityHash.of(onFile.idNumber()),
                officerId, renews, clock.instant()));
        events.publishEvent(new PermitGranted(permit.getId(), permit.reference(), permit.getHolderId(),
                onFile.nameKorean(), onFile.nameLatin(), permit.getValidFrom(), permit.getValidUntil(), photo));
        audit.record("permit.granted", Subject.of("permit", permit.getId()), "holder=" + terms.holderId()
                + " organisation=" + terms.organisationId() + " until=" + terms.validUntil()
                + (renews == null ? "" : " renews=" + renews));
        return permit;
    }

    /**
     * An officer revokes a permit: its pass goes with it, and its crossings not begun give back their seats
     * (one whose traveller is inside keeps its trip: they must be able to come back).
     */
    @RetryOnWriteConflict
    @Transactional
    public void revoke(long permitId, String reason, AccountPrincipal officer) {
        StandingPermit permit = permits.findForUpdate(permitId)
                .orElseThrow(() -> new PermitRefused("permit.error.notFound"));
        Instant now = clock.instant();
        permit.revoke(reason, officer.id(), now);
        events.publishEvent(new PermitRevoked(permitId, "Standing permit revoked: " + permit.getRevocationReason()));
        for (TravelApplication trip : applications.findByPermitIdOrderByEntryDateDescIdDesc(permitId)) {
            if (TravelApplication.HOLDING_SEATS.contains(trip.getStatus()) && !positions.inside(trip.getId())
                    && trip.canBeWithdrawn(today(), false)) {
                TravelApplication locked = applications.findForUpdate(trip.getId()).orElseThrow();
                statusEvents.changed(locked, locked.withdraw(Actor.of(officer), "Standing permit revoked: "
                        + permit.getRevocationReason(), today(), false, now));
            }
        }
        audit.record("permit.revoked", Subject.of("permit", permitId), "holder=" + permit.getHolderId());
    }

    /**
     * The holder books a crossing: a northbound slot, a southbound one, or both (the return not before the
     * departure). No review: it goes on the slots' manifests and waits for the counterpart's consent.
     *
     * @return the trip's application
     */
    @RetryOnWriteConflict
    @Transactional
    public Booked book(long permitId, AccountPrincipal holder, SlotKey northbound, SlotKey southbound) {
        StandingPermit permit = permits.findForUpdate(permitId).filter(p -> p.getHolderId() == holder.id())
                .orElseThrow(() -> new PermitRefused("permit.error.notFound"));
        if (northbound == null && southbound == null) {
            throw new PermitRefused("permit.error.noSlot");
        }
        LocalDate today = today();
        if (northbound != null) {
            rules.checkBooking(permit, TravelDirection.NORTHBOUND, northbound.date(), today);
        }
        if (southbound != null) {
            rules.checkBooking(permit, TravelDirection.SOUTHBOUND, southbound.date(), today);
        }
        if (northbound != null && southbound != null && southbound.date().isBefore(northbound.date())) {
            throw new PermitRefused("permit.error.returnBeforeDeparture");
        }
        OnFile onFile = dataOnFile(holder.id())
                .orElseThrow(() -> new PermitRefused("permit.error.noDataOnFile"));
        Instant now = clock.instant();
        Actor actor = Actor.of(holder);
        TravelApplication trip = applications.save(TravelApplication.permitDraft(permitId, holder.id(), actor, now));
        trip.assignReference(OfficeTime.dateOf(now).getYear());
        statusEvents.changed(trip, trip.getChanges().get(0));
        LocalDate entry = northbound != null ? northbound.date() : southbound.date();
        LocalDate back = southbound != null ? southbound.date() : permit.getValidUntil();
        String organisation = organisations.names(permit.getOrganisationId()).map(Organisations.Names::nameKo)
                .orElse(null);
        trip.update(new TripDetails(onFile.nameKorean(), onFile.nameLatin(), onFile.dateOfBirth(),
                onFile.nationality(), onFile.idDocumentType(), onFile.idNumber(), onFile.phone(),
                organisation, permit.getPurpose(), permit.getPurposeDetail(), entry, back, null, null,
                List.of(), northbound, southbound), now);
        photos.save(new ApplicationPhoto(trip.getId(), onFile.photo(), now));
        trip.photoAttached(now);
        statusEvents.changed(trip, trip.bookOnPermit(actor, applicationSettings.consentRequired(), now));
        for (SlotKey slot : new SlotKey[] {northbound, southbound}) {
            if (slot != null) {
                slots.hold(trip.getId(), slot, 0); // the caps hold as for any trip: refused when full or closed
            }
        }
        return new Booked(trip.getId(), trip.getReference());
    }

    /** A crossing booked on a permit: its application. */
    public record Booked(long applicationId, String reference) {
    }

    @Transactional(readOnly = true)
    public List<StandingPermit> all() {
        return permits.findAllByOrderByRevokedAtAscValidUntilDesc();
    }

    @Transactional(readOnly = true)
    public List<StandingPermit> heldBy(long holderId) {
        return permits.findByHolderIdOrderByValidUntilDesc(holderId);
    }

    @Transactional(readOnly = true)
    public Optional<StandingPermit> heldBy(long permitId, long holderId) {
        return permits.findById(permitId).filter(p -> p.getHolderId() == holderId);
    }

    /** The crossings booked on a permit, latest first. */
    @Transactional(readOnly = true)
    public List<TravelApplication> crossings(long permitId) {
        return applications.findByPermitIdOrderByEntryDateDescIdDesc(permitId);
    }

    /** The permits (not ended) of the organisations {@code coordinatorId} coordinates. */
    @Transactional(readOnly = true)
    public List<StandingPermit> coordinatedBy(long coordinatorId) {
        List<Long> coordinated = organisations.membershipsOf(coordinatorId).stream()
                .filter(m -> m.role() == OrganisationRole.COORDINATOR).map(Organisations.Membership::organisationId)
                .toList();
        return coordinated.isEmpty() ? List.of()
                : permits.findByOrganisationIdInAndValidUntilGreaterThanEqualOrderByValidUntilAsc(coordinated,
                        today());
    }

    /** The permits among {@code permitIds} with an open renewal request. */
    @Transactional(readOnly = true)
    public List<Long> pendingRenewals(Collection<Long> permitIds) {
        return renewals.findByPermitIdInAndStatus(permitIds, PermitRenewal.Status.PENDING).stream()
                .map(PermitRenewal::getPermitId).toList();
    }

    @Transactional(readOnly = true)
    public List<PermitRenewal> openRenewals() {
        return renewals.findByStatusOrderByRequestedAtAsc(PermitRenewal.Status.PENDING);
    }

    /**
     * A coordinator asks to renew several members' permits at once: each must be of an organisation they
     * coordinate, not revoked, and without an open request already (those are skipped).
     *
     * @return how many requests were made
     */
    @RetryOnWriteConflict
    @Transactional
    public int requestRenewals(Collection<Long> permitIds, long coordinatorId) {
        List<Long> chosen = permitIds == null ? List.of()
                : permitIds.stream().filter(java.util.Objects::nonNull).distinct().toList(); // a blank box is null
        if (chosen.isEmpty()) {
            throw new PermitRefused("permit.error.noneSelected");
        }
        List<Long> open = pendingRenewals(chosen);
        int made = 0;
        for (Long id : chosen) {
            StandingPermit permit = permits.findById(id).filter(p -> p.getRevokedAt() == null)
                    .filter(p -> organisations.coordinates(coordinatorId, p.getOrganisationId()))
                    .orElseThrow(() -> new PermitRefused("permit.error.notFound"));
            if (!open.contains(id)) {
                renewals.saveAndFlush(new PermitRenewal(permit.getId(), coordinatorId, clock.instant()));
                audit.record("permit.renewal-requested", Subject.of("permit", id), "holder=" + permit.getHolderId());
                made++;
            }
        }
        return made;
    }

    /**
     * Gives live permits granted before the identity hash was stored (Flyway V58) the hash of their holder's data on
     * file now, so the duplicate check matches them too; holders without data on file stay without one.
     *
     * @return how many permits were filled
     */
    @RetryOnWriteConflict
    @Transactional
    public int fillIdentityHashes() {
        int filled = 0;
        for (Long id : permits.withoutIdentityHash(today())) {
            StandingPermit permit = permits.findById(id).orElseThrow();
            String hash = dataOnFile(permit.getHolderId()).map(d -> identityHash.of(d.idNumber())).orElse(null);
            if (hash != null) {
                filled += permits.fillIdentityHash(id, hash);
            }
        }
        return filled;
    }

    /**
     * The latest declined renewal of each of these permits that has one, by permit id: what the coordinator is told.
     */
    @Transactional(readOnly = true)
    public Map<Long, PermitRenewal> declinedRenewals(Collection<Long> permitIds) {
        Map<Long, PermitRenewal> latest = new HashMap<>();
        if (!permitIds.isEmpty()) {
            renewals.findByPermitIdInAndStatusOrderByDecidedAtAsc(permitIds, PermitRenewal.Status.DECLINED)
                    .forEach(r -> latest.put(r.getPermitId(), r));
        }
        return latest;
    }

    /** An officer declines a renewal request with a reason; the permit runs on to its last day. */
    @RetryOnWriteConflict
    @Transactional
    public void declineRenewal(long renewalId, String reason, long officerId) {
        PermitRenewal renewal = renewals.findById(renewalId)
                .orElseThrow(() -> new PermitRefused("permit.error.notFound"));
        renewal.decline(reason, officerId, clock.instant());
        renewals.saveAndFlush(renewal);
        audit.record("permit.renewal-declined", Subject.of("permit", renewal.getPermitId()),
                "renewal=" + renewalId);
    }

    /** An officer grants a renewal: a new permit on the same terms from the day after the old one ends. */
    @RetryOnWriteConflict
    @Transactional
    public StandingPermit grantRenewal(long renewalId, long officerId) {
        PermitRenewal renewal = renewals.findById(renewalId)
                .orElseThrow(() -> new PermitRefused("permit.error.notFound"));
        StandingPermit old = permits.findById(renewal.getPermitId()).orElseThrow();
        if (old.getRevokedAt() != null) {
            throw new PermitRefused("permit.error.alreadyRevoked");
        }
        renewal.decide(true, officerId, clock.instant());
        renewals.saveAndFlush(renewal);
        return grant(rules.renewalOf(old, today()), officerId, old.getId());
    }

    /**
     * Reminds the holders of permits ending within {@code reminderDays}, once per permit: the mark is set by a
     * conditional update, so a second run (or instance) finds nothing to do.
     *
     * @return how many holders were reminded
     */
    @RetryOnWriteConflict
    @Transactional
    public int remindExpiring(int reminderDays) {
        LocalDate today = today();
        Instant now = clock.instant();
        int reminded = 0;
        for (Long id : permits.dueForReminder(today, today.plusDays(reminderDays))) {
            if (permits.markReminded(id, now) == 1) {
                StandingPermit permit = permits.findById(id).orElseThrow();
                events.publishEvent(new PermitExpiring(id, permit.reference(), permit.getHolderId(),
                        permit.getValidUntil()));
                reminded++;
            }
        }
        return reminded;
    }

    private LocalDate today() {
        return OfficeTime.today(clock);
    }
}
