package kr.kaesongcrossing.application.group;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.StatusEvents;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.application.model.TravelApplicationRepository;
import kr.kaesongcrossing.application.model.TripDetails;
import kr.kaesongcrossing.application.model.TripSeats;
import kr.kaesongcrossing.application.photo.ApplicationPhoto;
import kr.kaesongcrossing.application.photo.ApplicationPhotoRepository;
import kr.kaesongcrossing.application.profile.ProfileNotFoundException;
import kr.kaesongcrossing.application.profile.Profiles;
import kr.kaesongcrossing.application.profile.TravellerProfile;
import kr.kaesongcrossing.application.review.ReviewService;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.organisation.Organisations;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Group trips: a coordinator files one for several saved profiles of the organisation, and officers decide on its
 * members together. Filing is one transaction: every member's application is created and submitted and every seat
 * held, or (a slot without room for all of them) nothing is stored.
 */
@Service
public class GroupTrips {

    /** An officer's decision on one member. */
    public enum Decision { NONE, APPROVE, REJECT, REQUEST_INFORMATION }

    /** What an officer decided for one member, with the version the page showed and a reason when needed. */
    public record MemberDecision(long applicationId, long version, Decision decision, String reason) {
    }

    /** A group with its members, as the coordinator's and the officer's pages show it. */
    public record View(TripGroup group, List<TravelApplication> members, List<GroupEvent> timeline) {
    }

    private final TripGroupRepository groups;
    private final GroupEventRepository timeline;
    private final TravelApplicationRepository applications;
    private final ApplicationPhotoRepository photos;
    private final Profiles profiles;
    private final Organisations organisations;
    private final StatusEvents events;
    private final TripSeats seats;
    private final ReviewService reviews;
    private final AuditTrail audit;
    private final Clock clock;

    GroupTrips(TripGroupRepository groups, GroupEventRepository timeline, TravelApplicationRepository applications,
            ApplicationPhotoRepository photos, Profiles profiles, Organisations organisations, StatusEvents events,
            TripSeats seats, ReviewService reviews, AuditTrail audit, Clock clock) {
        this.groups = groups;
        this.timeline = timeline;
        this.applications = applications;
        this.photos = photos;
        this.profiles = profiles;
        this.organisations = organisations;
        this.events = events;
        this.seats = seats;
        this.reviews = reviews;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Files and submits the group: one application per traveller (the applicant is the traveller's account, or the
     * coordinator for people without one), each with the profile's details and photo, the group's trip and the
     * traveller's exceptions (the group's goods under the first traveller, who carries them); then every seat, all
     * or none.
     *
     * @throws kr.kaesongcrossing.system.Refusal when a slot is full, closed or unavailable: nothing is stored
     */
    @RetryOnWriteConflict
    @Transactional
    public long file(AccountPrincipal coordinator, long organisationId, GroupPlan plan) {
        Set<Long> ids = plan.travellers().stream().map(GroupPlan.Traveller::profileId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, TravellerProfile> byId = profiles.keptByIds(coordinator, organisationId, ids).stream()
                .collect(Collectors.toMap(TravellerProfile::getId, Function.identity()));
        String organisationName = organisations.names(organisationId).orElseThrow(ProfileNotFoundException::new)
                .nameKo();
        Instant now = clock.instant();
        Actor actor = Actor.of(coordinator);
        TripGroup group = groups.saveAndFlush(new TripGroup(organisationId, coordinator.id(), plan.purpose(),
                plan.purposeDetail(), plan.entryDate(), plan.returnDate(), now));
        group.assignReference(OfficeTime.dateOf(now).getYear());

        List<TravelApplication> members = new ArrayList<>();
        for (GroupPlan.Traveller traveller : plan.travellers()) {
            TravellerProfile p = byId.get(traveller.profileId());
            SlotKey south = traveller.southboundSlot() == null ? plan.southboundSlot() : traveller.southboundSlot();
            TripDetails details = new TripDetails(p.getNameKorean(), p.getNameLatin(), p.getDateOfBirth(),
                    p.getNationality(), p.getIdDocumentType(), p.getIdNumber(), p.getPhone(), organisationName,
                    plan.purpose(), plan.purposeDetail(), plan.entryDate(), south.date(), traveller.vehiclePlate(),
                    traveller.vehicleType(), members.isEmpty() ? plan.goods() : List.of(), plan.northboundSlot(),
                    south, traveller.vehicleId());
            TravelApplication application = TravelApplication.draft(
                    p.getAccountId() == null ? coordinator.id() : p.getAccountId(), actor, now);
            application.joinGroup(group.getId(), members.isEmpty());
            applications.save(application);
            application.assignReference(OfficeTime.dateOf(now).getYear());
            events.changed(application, application.getChanges().get(0));
            application.update(details, now);
            photos.save(new ApplicationPhoto(application.getId(),
                    profiles.photoOf(p.getId()).orElseThrow(ProfileNotFoundException::new), now));
            application.photoAttached(now);
            events.changed(application, application.submit(actor, now));
            members.add(application);
        }
        seats.holdAll(members);
        profiles.usedUntil(ids, plan.returnDate());
        timeline.save(new GroupEvent(group.getId(), coordinator.id(), coordinator.displayName(),
                GroupEvent.Action.FILED, String.valueOf(members.size()), now));
        return group.getId();
    }

    /** The groups of the organisations the person coordinates, newest first. */
    @Transactional(readOnly = true)
    public List<TripGroup> coordinated(AccountPrincipal user) {
        return organisations.membershipsOf(user.id()).stream()
                .filter(m -> organisations.coordinates(user.id(), m.organisationId()))
                .flatMap(m -> groups.findByOrganisationIdOrderByCreatedAtDesc(m.organisationId()).stream())
                .toList();
    }

    /** The group for a coordinator of its organisation. */
    @Transactional(readOnly = true)
    public View forCoordinator(AccountPrincipal user, long groupId) {
        TripGroup group = groups.findById(groupId)
                .filter(g -> organisations.coordinates(user.id(), g.getOrganisationId()))
                .orElseThrow(GroupNotFoundException::new);
        return view(group);
    }

    /** The group for the office. */
    @Transactional(readOnly = true)
    public View forOffice(long groupId) {
        return view(groups.findById(groupId).orElseThrow(GroupNotFoundException::new));
    }

    /**
     * An officer decides on the group's members in one step: each decision goes through the review (its own
     * timeline entry, mail and audit), the group's timeline gets one line with the counts, the audit trail one
     * event. All or nothing: a refused decision (stale page, wrong status, own application) undoes the others.
     */
    @RetryOnWriteConflict
    @Transactional
    public int[] decide(long groupId, Actor officer, List<MemberDecision> decisions) {
        TripGroup group = groups.findById(groupId).orElseThrow(GroupNotFoundException::new);
        Set<Long> members = applications.findByGroupIdOrderByNameKoreanAscIdAsc(groupId).stream()
                .map(TravelApplication::getId).collect(Collectors.toSet());
        int[] counts = new int[3];
        for (MemberDecision d : decisions) {
            if (!members.contains(d.applicationId())) {
                throw new GroupNotFoundException();
            }
            switch (d.decision()) {
                case APPROVE -> {
                    reviews.approve(d.applicationId(), d.version(), officer);
                    counts[0]++;
                }
                case REJECT -> {
                    reviews.reject(d.applicationId(), d.version(), officer, d.reason());
                    counts[1]++;
                }
                case REQUEST_INFORMATION -> {
                    reviews.requestInformation(d.applicationId(), d.version(), officer, d.reason());
                    counts[2]++;
                }
                case NONE -> {
                }
            }
        }
        if (counts[0] + counts[1] + counts[2] > 0) {
            String detail = counts[0] + "," + counts[1] + "," + counts[2];
            timeline.save(new GroupEvent(group.getId(), officer.accountId(), officer.name(), GroupEvent.Action.DECIDED,
                    detail, clock.instant()));
            audit.record("group.decided", Subject.of("trip_group", groupId),
                    "approved=" + counts[0] + " rejected=" + counts[1] + " queried=" + counts[2]);
        }
        return counts;
    }

    /** Members still waiting for the office's decision. */
    static boolean undecided(TravelApplication member) {
        return member.getStatus() == ApplicationStatus.SUBMITTED;
    }

    private View view(TripGroup group) {
        return new View(group, applications.findByGroupIdOrderByNameKoreanAscIdAsc(group.getId()),
                timeline.findByGroupIdOrderByAtAscIdAsc(group.getId()));
    }
}
