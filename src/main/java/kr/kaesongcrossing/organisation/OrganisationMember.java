package kr.kaesongcrossing.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A person's place in one organisation (unique per person and organisation). */
@Entity
@Table(name = "organisation_member")
class OrganisationMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organisation_id", nullable = false)
    private long organisationId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganisationRole role;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    @Version
    private long version;

    protected OrganisationMember() {
    }

    OrganisationMember(long organisationId, long accountId, OrganisationRole role, Instant now) {
        this.organisationId = organisationId;
        this.accountId = accountId;
        this.role = role;
        this.joinedAt = now;
    }

    /** Names the member a coordinator; refused when they already are one. */
    void makeCoordinator() {
        if (role == OrganisationRole.COORDINATOR) {
            throw new OrganisationRefused("organisation.refused.alreadyCoordinator");
        }
        role = OrganisationRole.COORDINATOR;
    }

    /** Makes a coordinator a plain member again; refused when they are not a coordinator. */
    void makeMember() {
        if (role != OrganisationRole.COORDINATOR) {
            throw new OrganisationRefused("organisation.refused.notCoordinator");
        }
        role = OrganisationRole.MEMBER;
    }

    long getOrganisationId() {
        return organisationId;
    }

    long getAccountId() {
        return accountId;
    }

    OrganisationRole getRole() {
        return role;
    }

    Instant getJoinedAt() {
        return joinedAt;
    }
}
