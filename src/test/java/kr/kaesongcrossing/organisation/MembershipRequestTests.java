package kr.kaesongcrossing.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A request is decided once; an organisation member is named coordinator once. */
class MembershipRequestTests {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void shouldBeDecidedOnlyOnce() {
        MembershipRequest accepted = new MembershipRequest(1, 2, NOW);
        accepted.accept(3, NOW);
        MembershipRequest declined = new MembershipRequest(1, 2, NOW);
        declined.decline(3, NOW);

        assertThat(accepted.getStatus()).isEqualTo(MembershipRequest.Status.ACCEPTED);
        assertThat(declined.getStatus()).isEqualTo(MembershipRequest.Status.DECLINED);
        assertThatThrownBy(() -> accepted.decline(3, NOW)).isInstanceOf(OrganisationRefused.class)
                .hasMessage("organisation.refused.alreadyDecided");
        assertThatThrownBy(() -> declined.accept(3, NOW)).isInstanceOf(OrganisationRefused.class);
        assertThatThrownBy(() -> accepted.accept(3, NOW)).isInstanceOf(OrganisationRefused.class);
        assertThat(accepted.getStatus()).isEqualTo(MembershipRequest.Status.ACCEPTED);
    }

    @Test
    void shouldNameACoordinatorOnce() {
        OrganisationMember member = new OrganisationMember(1, 2, OrganisationRole.MEMBER, NOW);
        member.makeCoordinator();

        assertThat(member.getRole()).isEqualTo(OrganisationRole.COORDINATOR);
        assertThatThrownBy(member::makeCoordinator).isInstanceOf(OrganisationRefused.class);
    }
}
