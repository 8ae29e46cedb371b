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

    private final OrganisationMemberRepository members;

    Organisations(OrganisationMemberRepository members) {
        this.members = members;
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
