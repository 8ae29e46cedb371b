package kr.kaesongcrossing.application.permit;

import java.time.Clock;
import java.time.LocalDate;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.organisation.OrganisationRole;
import kr.kaesongcrossing.organisation.Organisations;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only, after the demo trips: one standing permit holder, {@code coordinator3@demo.test}, a plain member
 * of the demo company, permitted both ways for the longest allowed from today (granted by the demo officer; their
 * pass is issued with it). Runs once: skipped when any permit exists.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "kc.demo.enabled", havingValue = "true")
class DemoPermits implements ApplicationRunner {

    static final String HOLDER = "coordinator3@demo.test";
    private static final Logger log = LoggerFactory.getLogger(DemoPermits.class);

    private final Permits permits;
    private final StandingPermitRepository repository;
    private final Accounts accounts;
    private final Organisations organisations;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoPermits(Permits permits, StandingPermitRepository repository, Accounts accounts, Organisations organisations,
            JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.permits = permits;
        this.repository = repository;
        this.accounts = accounts;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Override
    @RetryOnWriteConflict
    @Transactional
    public void run(ApplicationArguments args) {
        if (repository.count() > 0) {
            return;
        }
        Long holder = accounts.civilian(HOLDER).map(Accounts.Contact::id).orElse(null);
        Long officer = jdbc.query("SELECT id FROM user_account WHERE email = 'officer@demo.test' AND role = 'OFFICER'",
                (rs, row) -> rs.getLong(1)).stream().findFirst().orElse(null);
        Long company = holder == null ? null : organisations.membershipsOf(holder).stream()
                .filter(m -> m.role() == OrganisationRole.MEMBER).map(Organisations.Membership::organisationId)
                .findFirst().orElse(null);
        if (holder == null || officer == null || company == null || permits.dataOnFile(holder).isEmpty()) {
            log.warn("Demo accounts, organisations or trips missing: no demo standing permit");
            return;
        }
        LocalDate today = OfficeTime.today(clock);
        permits.grant(new PermitTerms(holder, company, Purpose.ECONOMIC_COOPERATION,
                "개성공업지구 상주 직원: 설비 관리 및 생산 지원", true, true, today,
                today.plusMonths(permits.rules().maxMonths()).minusDays(1)), officer);
        log.info("Demo standing permit granted to {}", HOLDER);
    }
}
