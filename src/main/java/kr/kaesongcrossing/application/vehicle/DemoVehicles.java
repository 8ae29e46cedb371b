package kr.kaesongcrossing.application.vehicle;

import java.time.Clock;
import java.time.Instant;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.application.model.VehicleType;
import kr.kaesongcrossing.organisation.OrganisationRole;
import kr.kaesongcrossing.organisation.Organisations;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only, after the demo organisations: the company that {@code coordinator@demo.test} coordinates has a
 * registered van with an operating permit for a year, so its members can bring it on a trip right away. Runs once:
 * skipped when any vehicle exists.
 */
@Component
@Order(7)
@ConditionalOnProperty(name = "kc.demo.enabled", havingValue = "true")
class DemoVehicles implements ApplicationRunner {

    static final String PLATE = "34나5678";

    private final VehicleRepository vehicles;
    private final Organisations organisations;
    private final Accounts accounts;
    private final Clock clock;

    DemoVehicles(VehicleRepository vehicles, Organisations organisations, Accounts accounts, Clock clock) {
        this.vehicles = vehicles;
        this.organisations = organisations;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @RetryOnWriteConflict
    @Transactional
    public void run(ApplicationArguments args) {
        if (vehicles.count() > 0) {
            return;
        }
        Instant now = clock.instant();
        accounts.civilian("coordinator@demo.test").ifPresent(coordinator -> organisations
                .membershipsOf(coordinator.id()).stream().filter(m -> m.role() == OrganisationRole.COORDINATOR)
                .findFirst().ifPresent(company -> vehicles.save(Vehicle.ofOrganisation(company.organisationId(),
                        new Vehicle.Details(PLATE, VehicleType.VAN, "현대 스타리아", "흰색", "OP-2026-0042",
                                OfficeTime.today(clock).plusYears(1)), coordinator.id(), now))));
    }
}
