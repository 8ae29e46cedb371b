package kr.kaesongcrossing.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joining organisations: a civilian asks, and a coordinator of that organisation or an officer accepts or declines.
 * Whoever may decide for an organisation also sees its members and open requests; anyone else is told it does not
 * exist ({@link OrganisationNotFoundException}). Decisions are recorded in the audit trail in their transaction.
 */
@Service
class Memberships {

    /** An organisation as the list shows it to one civilian: their role there, and whether they asked to join. */
    record OrganisationRow(long id, String nameKo, String nameEn, OrganisationType type, OrganisationRole role,
            boolean pending, long pendingRequests) {

        public boolean canAsk() {
            return role == null && !pending;
        }
    }

    /** A civilian's own request, with where it stands. */
    record OwnRequest(String nameKo, String nameEn, MembershipRequest.Status status, LocalDate requestedOn) {
    }

    /** A person on an organisation's page: a member (id: the account) or someone asking to join (id: the request). */
    record Person(long id, String displayName, String email, OrganisationRole role, LocalDate since) {
    }

    /**
     * What a coordinator or officer sees of one organisation: a page of its members, its open requests, and whether
     * the viewer is an officer (who may also remove coordinators).
     */
    record OrganisationPage(long id, String nameKo, String nameEn, OrganisationType type, String registrationNumber,
            Page<Person> members, List<Person> requests, boolean officerView) {

        /** Whether the page offers to remove this member (the last coordinator is refused when asked). */
        public boolean removable(Person member) {
            return officerView || member.role() == OrganisationRole.MEMBER;
        }
    }

    /** Members per page of an organisation's member list. */
    static final int MEMBERS_PAGE_SIZE = 20;

    private final OrganisationRepository organisations;
    private final OrganisationMemberRepository members;
    private final MembershipRequestRepository requests;
    private final Organisations roles;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    Memberships(OrganisationRepository organisations, OrganisationMemberRepository members,
            MembershipRequestRepository requests, Organisations roles, Accounts accounts, AuditTrail audit,
            Clock clock) {
        this.organisations = organisations;
        this.members = members;
        this.requests = requests;
        this.roles = roles;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Every organisation, with the viewer's role and open request in each; for an officer, each one's number of
     * open requests (a civilian sees none of those counts).
     */
    @Transactional(readOnly = true)
    List<OrganisationRow> list(AccountPrincipal viewer) {
        Map<Long, OrganisationRole> mine = roles.membershipsOf(viewer.id()).stream()
                .collect(Collectors.toMap(Organisations.Membership::organisationId, Organisations.Membership::role));
        Set<Long> asked = new HashSet<>();
        requests.findByAccountIdOrderByRequestedAtDesc(viewer.id()).stream()
                .filter(r -> r.getStatus() == MembershipRequest.Status.PENDING)
                .forEach(r -> asked.add(r.getOrganisationId()));
        Map<Long, Long> open = viewer.role() == Role.OFFICER
                ? requests.countByOrganisation(MembershipRequest.Status.PENDING).stream().collect(Collectors.toMap(
                        MembershipRequestRepository.OrganisationCount::getOrganisationId,
                        MembershipRequestRepository.OrganisationCount::getRequests))
                : Map.of();
        return organisations.findAllByOrderByNameKoAsc().stream()
                .map(o -> new OrganisationRow(o.getId(), o.getNameKo(), o.getNameEn(), o.getType(),
                        mine.get(o.getId()), asked.contains(o.getId()), open.getOrDefault(o.getId(), 0L)))
                .toList();
    }

    /** The viewer's own requests, newest first. */
    @Transactional(readOnly = true)
    List<OwnRequest> ownRequests(long accountId) {
        List<MembershipRequest> own = requests.findByAccountIdOrderByRequestedAtDesc(accountId);
        Map<Long, Organisation> byId = organisations.findAllById(
                own.stream().map(MembershipRequest::getOrganisationId).toList()).stream()
                .collect(Collectors.toMap(Organisation::getId, Function.identity()));
        return own.stream().map(r -> {
            Organisation o = byId.get(r.getOrganisationId());
            return new OwnRequest(o.getNameKo(), o.getNameEn(), r.getStatus(), OfficeTime.dateOf(r.getRequestedAt()));
        }).toList();
    }

    /** Asks to join; refused for a member, or when a request is already open (also under a race: the unique key). */
    @RetryOnWriteConflict
    @Transactional
    void ask(long accountId, long organisationId) {
        if (!organisations.existsById(organisationId)) {
            throw new OrganisationNotFoundException();
        }
        if (members.existsByOrganisationIdAndAccountId(organisationId, accountId)) {
            throw new OrganisationRefused("organisation.refused.alreadyMember");
        }
        if (requests.existsByOrganisationIdAndAccountIdAndStatus(organisationId, accountId,
                MembershipRequest.Status.PENDING)) {
            throw new OrganisationRefused("organisation.refused.alreadyAsked");
        }
        MembershipRequest request;
        try {
            request = requests.saveAndFlush(new MembershipRequest(organisationId, accountId, clock.instant()));
        } catch (DataIntegrityViolationException twice) {
            throw new OrganisationRefused("organisation.refused.alreadyAsked");
        }
        audit.record("organisation.join-requested", Subject.of("membership-request", request.getId()),
                "organisation=" + organisationId);
    }

    /** The organisation's members and open requests, for one of its coordinators or an officer. */
    @Transactional(readOnly = true)
    OrganisationPage page(AccountPrincipal viewer, long organisationId, int pageIndex) {
        Organisation organisation = decidable(viewer, organisationId);
        List<MembershipRequest> open = requests.findByOrganisationIdAndStatusOrderByRequestedAtAsc(organisationId,
                MembershipRequest.Status.PENDING);
        Map<Long, Accounts.Contact> people = accounts.contacts(open.stream().map(MembershipRequest::getAccountId)
                .toList());
        return new OrganisationPage(organisation.getId(), organisation.getNameKo(), organisation.getNameEn(),
                organisation.getType(), organisation.getRegistrationNumber(), members(organisationId, pageIndex),
                open.stream().map(r -> person(people.get(r.getAccountId()), r.getId(), null, r.getRequestedAt()))
                        .toList(), viewer.role() == Role.OFFICER);
    }

    /**
     * A page (0-based; past the last one, the last) of an organisation's members, coordinators first, with their
     * names and emails read in one query.
     */
    @Transactional(readOnly = true)
    Page<Person> members(long organisationId, int pageIndex) {
        Page<OrganisationMember> rows = members.findByOrganisationIdOrderByRoleAscJoinedAtAscIdAsc(organisationId,
                PageRequest.of(Math.max(0, pageIndex), MEMBERS_PAGE_SIZE));
        if (rows.isEmpty() && rows.getTotalPages() > 0 && pageIndex > 0) {
            rows = members.findByOrganisationIdOrderByRoleAscJoinedAtAscIdAsc(organisationId,
                    PageRequest.of(rows.getTotalPages() - 1, MEMBERS_PAGE_SIZE));
        }
        Map<Long, Accounts.Contact> people = accounts.contacts(rows.map(OrganisationMember::getAccountId)
                .getContent());
        return rows.map(m -> person(people.get(m.getAccountId()), m.getAccountId(), m.getRole(), m.getJoinedAt()));
    }

    /**
     * Removes a member: a coordinator of the organisation removes plain members, an officer anyone but the last
     * coordinator. The organisation's row is locked first, so two removals at once cannot leave it without one.
     */
    @RetryOnWriteConflict
    @Transactional
    void remove(AccountPrincipal decider, long organisationId, long accountId) {
        decidable(decider, organisationId);
        organisations.findForUpdate(organisationId).orElseThrow(OrganisationNotFoundException::new);
        OrganisationMember member = members.findByOrganisationIdAndAccountId(organisationId, accountId)
                .orElseThrow(() -> new OrganisationRefused("organisation.refused.notMember"));
        if (member.getRole() == OrganisationRole.COORDINATOR) {
            if (decider.role() != Role.OFFICER) {
                throw new OrganisationRefused("organisation.refused.coordinatorByOfficer");
            }
            if (members.countByOrganisationIdAndRole(organisationId, OrganisationRole.COORDINATOR) <= 1) {
                throw new OrganisationRefused("organisation.refused.lastCoordinator");
            }
        }
        members.delete(member);
        audit.record("organisation.member-removed", Subject.of("organisation", organisationId),
                "account=" + accountId + " role=" + member.getRole());
    }

    /** Accepts an open request: the person becomes a member (unless an administrator made them one meanwhile). */
    @RetryOnWriteConflict
    @Transactional
    void accept(AccountPrincipal decider, long organisationId, long requestId) {
        MembershipRequest request = openFor(decider, organisationId, requestId);
        request.accept(decider.id(), clock.instant());
        if (!members.existsByOrganisationIdAndAccountId(organisationId, request.getAccountId())) {
            try {
                members.saveAndFlush(new OrganisationMember(organisationId, request.getAccountId(),
                        OrganisationRole.MEMBER, clock.instant()));
            } catch (DataIntegrityViolationException meanwhile) { // named coordinator at the same moment
                throw new OrganisationRefused("organisation.refused.concurrent");
            }
        }
        audit.record("organisation.join-accepted", Subject.of("membership-request", requestId),
                "organisation=" + organisationId);
    }

    @RetryOnWriteConflict
    @Transactional
    void decline(AccountPrincipal decider, long organisationId, long requestId) {
        MembershipRequest request = openFor(decider, organisationId, requestId);
        request.decline(decider.id(), clock.instant());
        audit.record("organisation.join-declined", Subject.of("membership-request", requestId),
                "organisation=" + organisationId);
    }

    private MembershipRequest openFor(AccountPrincipal decider, long organisationId, long requestId) {
        decidable(decider, organisationId);
        return requests.findById(requestId).filter(r -> r.getOrganisationId() == organisationId)
                .orElseThrow(OrganisationNotFoundException::new);
    }

    /** The organisation, when the viewer may decide for it: an officer, or a coordinator of this one. */
    private Organisation decidable(AccountPrincipal viewer, long organisationId) {
        boolean may = viewer.role() == Role.OFFICER
                || viewer.role() == Role.CIVILIAN && roles.coordinates(viewer.id(), organisationId);
        return organisations.findById(organisationId).filter(o -> may)
                .orElseThrow(OrganisationNotFoundException::new);
    }

    private static Person person(Accounts.Contact contact, long id, OrganisationRole role, java.time.Instant since) {
        return new Person(id, contact.displayName(), contact.email(), role, OfficeTime.dateOf(since));
    }
}
