package kr.kaesongcrossing.organisation;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who belongs to which organisation, in what role: what other modules (and this one's pages) may ask. */
@Service
public class Organisations {

    /** A person's place in an organisation. */
    public record Membership(long organisationId, OrganisationRole role) {
    }

    /** An organisation's names, for other modules' pages. */
    public record Named(long id, String nameKo, String nameEn) {

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

    /** Every organisation, by Korean name. */
    @Transactional(readOnly = true)
    public List<Named> all() {
        return organisations.findAllByOrderByNameKoAsc().stream()
                .map(o -> new Named(o.getId(), o.getNameKo(), o.getNameEn())).toList();
    }

    /** True when the person is a member of that organisation, in any role. */
    @Transactional(readOnly = true)
    public boolean belongs(long accountId, long organisationId) {
        return members.findByAccountId(accountId).stream().anyMatch(m -> m.getOrganisationId() == organisationId);
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
