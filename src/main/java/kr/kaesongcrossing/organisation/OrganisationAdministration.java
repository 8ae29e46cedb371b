package kr.kaesongcrossing.organisation;

import java.time.Clock;
import java.util.List;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do with organisations: create, edit, name coordinators. Each change is recorded in the
 * audit trail in its transaction, with the organisation as the subject.
 */
@Service
class OrganisationAdministration {

    private final OrganisationRepository organisations;
    private final OrganisationMemberRepository members;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    OrganisationAdministration(OrganisationRepository organisations, OrganisationMemberRepository members,
            Accounts accounts, AuditTrail audit, Clock clock) {
        this.organisations = organisations;
        this.members = members;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Organisation> all() {
        return organisations.findAllByOrderByNameKoAsc();
    }

    @Transactional(readOnly = true)
    Organisation find(long id) {
        return organisations.findById(id).orElseThrow(OrganisationNotFoundException::new);
    }

    /** True when another organisation than {@code exceptId} (null: any) has this registration number. */
    @Transactional(readOnly = true)
    boolean registrationNumberTaken(String number, Long exceptId) {
        String stripped = number.strip();
        return exceptId == null ? organisations.existsByRegistrationNumber(stripped)
                : organisations.existsByRegistrationNumberAndIdNot(stripped, exceptId);
    }

    /** Creates an organisation from a validated form; a registration number taken meanwhile is refused. */
    @RetryOnWriteConflict
    @Transactional
    long create(OrganisationForm form) {
        Organisation organisation = saved(new Organisation(form, clock.instant()));
        audit.record("organisation.created", Subject.of("organisation", organisation.getId()),
                "type=" + organisation.getType());
        return organisation.getId();
    }

    @RetryOnWriteConflict
    @Transactional
    void change(long id, OrganisationForm form) {
        Organisation organisation = find(id);
        organisation.change(form);
        saved(organisation);
        audit.record("organisation.changed", Subject.of("organisation", id), "type=" + organisation.getType());
    }

    /**
     * Makes the civilian with this email a coordinator of the organisation: a member is promoted, anyone else joins
     * as coordinator. Only an enabled applicant account can be named (staff work through their own roles).
     */
    @RetryOnWriteConflict
    @Transactional
    void nameCoordinator(long id, String email) {
        find(id);
        long accountId = accounts.civilian(email)
                .orElseThrow(() -> new OrganisationRefused("organisation.refused.noSuchCivilian")).id();
        try {
            members.findByOrganisationIdAndAccountId(id, accountId).ifPresentOrElse(
                    OrganisationMember::makeCoordinator, () -> members.saveAndFlush(new OrganisationMember(id,
                            accountId, OrganisationRole.COORDINATOR, clock.instant())));
        } catch (DataIntegrityViolationException meanwhile) { // their request was accepted at the same moment
            throw new OrganisationRefused("organisation.refused.concurrent");
        }
        audit.record("organisation.coordinator-named", Subject.of("organisation", id), "account=" + accountId);
    }

    /**
     * Makes a coordinator a plain member again; refused for the last coordinator (someone must decide on requests).
     * The organisation's row is locked first, so two demotions at once cannot leave it without one.
     */
    @RetryOnWriteConflict
    @Transactional
    void demoteCoordinator(long id, long accountId) {
        organisations.findForUpdate(id).orElseThrow(OrganisationNotFoundException::new);
        OrganisationMember member = members.findByOrganisationIdAndAccountId(id, accountId)
                .orElseThrow(() -> new OrganisationRefused("organisation.refused.notMember"));
        if (member.getRole() == OrganisationRole.COORDINATOR
                && members.countByOrganisationIdAndRole(id, OrganisationRole.COORDINATOR) <= 1) {
            throw new OrganisationRefused("organisation.refused.lastCoordinator");
        }
        member.makeMember();
        audit.record("organisation.coordinator-demoted", Subject.of("organisation", id), "account=" + accountId);
    }

    private Organisation saved(Organisation organisation) {
        try {
            return organisations.saveAndFlush(organisation);
        } catch (DataIntegrityViolationException duplicate) {
            throw new OrganisationRefused("organisation.registrationNumber.taken");
        }
    }
}
