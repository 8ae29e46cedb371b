package kr.kaesongcrossing.organisation;

import java.time.Clock;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only: three organisations (the liaison office's own staff, a company, an NGO), each with a coordinator
 * and members from the demo accounts, and one open request (the demo civilian asks to join the company, so
 * {@code coordinator@demo.test} has something to decide). The working day's coordinators sit in the organisations
 * they filed for where one exists; one of them also coordinates the NGO while being a plain member of the office
 * staff. Runs once: skipped when any organisation exists. A few rows, no password hashing: start-up stays fast.
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "kc.demo.enabled", havingValue = "true")
class DemoOrganisations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisations.class);

    private final OrganisationRepository organisations;
    private final OrganisationMemberRepository members;
    private final MembershipRequestRepository requests;
    private final Accounts accounts;
    private final Clock clock;

    DemoOrganisations(OrganisationRepository organisations, OrganisationMemberRepository members,
            MembershipRequestRepository requests, Accounts accounts, Clock clock) {
        this.organisations = organisations;
        this.members = members;
        this.requests = requests;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @RetryOnWriteConflict
    @Transactional
    public void run(ApplicationArguments args) {
        if (organisations.count() > 0) {
            return;
        }
        if (accounts.civilian("coordinator@demo.test").isEmpty()) {
            log.warn("Demo accounts missing: no demo organisations");
            return;
        }
        long office = create("남북공동연락사무소 남측 사무처", "Inter-Korean Liaison Office, Southern Secretariat",
                OrganisationType.MINISTRY, "MOU-1100000");
        add(office, "coordinator1@demo.test", OrganisationRole.COORDINATOR);
        add(office, "coordinator2@demo.test", OrganisationRole.MEMBER);
        add(office, "coordinator4@demo.test", OrganisationRole.MEMBER);

        long company = create("한국전력 개성지사", "KEPCO Kaesong Branch", OrganisationType.COMPANY, "120-81-00001");
        add(company, "coordinator@demo.test", OrganisationRole.COORDINATOR);
        add(company, "coordinator3@demo.test", OrganisationRole.MEMBER);
        requests.save(new MembershipRequest(company, id("civilian@demo.test"), clock.instant()));

        long ngo = create("통일의료봉사단", "Unification Medical Volunteers", OrganisationType.NGO, "NGO-2018-0914");
        add(ngo, "coordinator4@demo.test", OrganisationRole.COORDINATOR);
        add(ngo, "coordinator1@demo.test", OrganisationRole.MEMBER);
    }

    private long create(String nameKo, String nameEn, OrganisationType type, String registrationNumber) {
        return organisations.save(new Organisation(new OrganisationForm(nameKo, nameEn, type.name(),
                registrationNumber), clock.instant())).getId();
    }

    private void add(long organisationId, String email, OrganisationRole role) {
        members.save(new OrganisationMember(organisationId, id(email), role, clock.instant()));
    }

    private long id(String email) {
        return accounts.civilian(email).orElseThrow().id();
    }
}
