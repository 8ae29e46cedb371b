package kr.kaesongcrossing.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who belongs to which organisation, in what role: what other modules (and this one's pages) may ask. */
@Service
public class Organisations {

    /** A person's place in an organisation. */
    public record Membership(long organisationId, OrganisationRole role) {
    }

    /** An organisation's names, for other modules' pages. */
    public record Names(long id, String nameKo, String nameEn) {

        public String name(java.util.Locale locale) {
            return "ko".equals(locale.getLanguage()) ? nameKo : nameEn;
        }
    }

    private final OrganisationMemberRepository members;
    private final OrganisationRepository organisations;

    Organisations(OrganisationMemberRepository members, OrganisationRepository organisations) {
        this.members = members;
        this.organisations = organisations;
    }

    /** True when the person belongs to that organisation, in any role. */
    @Transactional(readOnly = true)
    public boolean isMember(long accountId, long organisationId) {
        return members.existsByOrganisationIdAndAccountId(organisationId, accountId);
    }

    /** The accounts of an organisation's members (coordinators included), coordinators first. */
    @Transactional(readOnly = true)
    public List<Long> memberAccounts(long organisationId) {
        return members.findByOrganisationIdOrderByRoleAscJoinedAtAsc(organisationId).stream()
                .map(OrganisationMember::getAccountId).toList();
    }

    /** Every organisation, by Korean name. */
    @Transactional(readOnly = true)
    public List<Names> all() {
        return organisations.findAllByOrderByNameKoAsc().stream()
                .map(o -> new Names(o.getId(), o.getNameKo(), o.getNameEn())).toList();
    }

    /** The organisation's names, if it exists. */
    @Transactional(readOnly = true)
    public Optional<Names> names(long organisationId) {
        return organisations.findById(organisationId).map(o -> new Names(o.getId(), o.getNameKo(), o.getNameEn()));
    }

    /** True when the person is a coordinator of that organisation (of that one only: the role is not global). */
    @Transactional(readOnly = true)
    public boolean coordinates(long accountId, long organisationId) {
        return members.existsByOrganisationIdAndAccountIdAndRole(organisationId, accountId,
                OrganisationRole.COORDINATOR);
    }

    /** The organisations a person belongs to. */
    @Transactional(readOnly = true)
    public List<Membership> membershipsOf(long accountId) {
        return members.findByAccountId(accountId).stream()
                .map(m -> new Membership(m.getOrganisationId(), m.getRole())).toList();
    }
}
