package kr.kaesongcrossing.application.vehicle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.organisation.Organisations;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vehicle registry. A person sees their own vehicles and those of every organisation they belong to; they
 * change their own, and an organisation's coordinators change the organisation's. Anyone else gets
 * {@link VehicleNotFoundException}. Every change goes to the audit trail.
 */
@Service
public class Vehicles {

    private static final Comparator<Vehicle> LISTED = Comparator.comparing(Vehicle::retired)
            .thenComparing(Vehicle::getPlate);

    private final VehicleRepository vehicles;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final Clock clock;

    Vehicles(VehicleRepository vehicles, Organisations organisations, AuditTrail audit, Clock clock) {
        this.vehicles = vehicles;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** The person's own vehicles and their organisations', active ones first, each by plate. */
    @Transactional(readOnly = true)
    public List<Vehicle> visibleTo(long accountId) {
        List<Long> orgs = organisations.membershipsOf(accountId).stream()
                .map(Organisations.Membership::organisationId).toList();
        return vehicles.findByOwnerAccountIdOrOrganisationIdIn(accountId,
                orgs.isEmpty() ? List.of(-1L) : orgs).stream().sorted(LISTED).toList();
    }

    /** The vehicles the person may bring on a trip: the active ones they see. */
    @Transactional(readOnly = true)
    public List<Vehicle> choicesFor(long accountId) {
        return visibleTo(accountId).stream().filter(v -> !v.retired()).toList();
    }

    @Transactional(readOnly = true)
    public Vehicle visible(long accountId, long vehicleId) {
        return vehicles.findById(vehicleId).filter(v -> sees(accountId, v))
                .orElseThrow(VehicleNotFoundException::new);
    }

    /** Whether the person may change the vehicle: their own, or their organisation's as its coordinator. */
    @Transactional(readOnly = true)
    public boolean mayChange(long accountId, Vehicle vehicle) {
        return vehicle.getOrganisationId() == null ? vehicle.getOwnerAccountId() == accountId
                : organisations.coordinates(accountId, vehicle.getOrganisationId());
    }

    /** The organisations the person coordinates, where they may register a vehicle. */
    @Transactional(readOnly = true)
    public List<Organisations.Names> coordinated(long accountId) {
        return organisations.membershipsOf(accountId).stream()
                .filter(m -> organisations.coordinates(accountId, m.organisationId()))
                .flatMap(m -> organisations.names(m.organisationId()).stream()).toList();
    }

    /** Registers a vehicle to the person ({@code organisationId} null) or, as its coordinator, to an organisation. */
    @RetryOnWriteConflict
    @Transactional
    public long register(AccountPrincipal user, Long organisationId, Vehicle.Details details) {
        if (organisationId != null && !organisations.coordinates(user.id(), organisationId)) {
            throw new VehicleNotFoundException();
        }
        requireFreePlate(details.plate(), null);
        Instant now = clock.instant();
        Vehicle vehicle = vehicles.saveAndFlush(organisationId == null ? Vehicle.ofPerson(user.id(), details, now)
                : Vehicle.ofOrganisation(organisationId, details, user.id(), now));
        audit.record("vehicle.registered", Subject.of("vehicle", vehicle.getId()),
                (organisationId == null ? "owner=" + user.id() : "organisation=" + organisationId)
                        + " plate=" + details.plate());
        return vehicle.getId();
    }

    @RetryOnWriteConflict
    @Transactional
    public void update(AccountPrincipal user, long vehicleId, Vehicle.Details details) {
        Vehicle vehicle = changeable(user, vehicleId);
        requireFreePlate(details.plate(), vehicleId);
        List<String> changed = vehicle.update(details);
        vehicles.flush();
        if (!changed.isEmpty()) {
            audit.record("vehicle.changed", Subject.of("vehicle", vehicleId), "fields=" + String.join(",", changed)
                    + " plate=" + details.plate());
        }
    }

    @RetryOnWriteConflict
    @Transactional
    public void retire(AccountPrincipal user, long vehicleId) {
        Vehicle vehicle = changeable(user, vehicleId);
        vehicle.retire(clock.instant());
        vehicles.flush();
        audit.record("vehicle.retired", Subject.of("vehicle", vehicleId), "plate=" + vehicle.getPlate());
    }

    /**
     * The vehicle {@code accountId} brings on a trip returning on {@code returnDate}: one they see, not retired,
     * whose operating permit runs until the return.
     *
     * @throws VehicleRefused why it cannot be brought
     */
    @Transactional(readOnly = true)
    public Vehicle forTrip(long accountId, long vehicleId, LocalDate returnDate) {
        Vehicle vehicle = vehicles.findById(vehicleId).filter(v -> sees(accountId, v))
                .orElseThrow(() -> new VehicleRefused("vehicle.error.notYours"));
        if (vehicle.retired()) {
            throw new VehicleRefused("vehicle.error.retired");
        }
        if (returnDate != null && !vehicle.permitCovers(returnDate)) {
            throw new VehicleRefused("vehicle.error.permitExpires", vehicle.getPlate(), vehicle.getPermitExpires());
        }
        return vehicle;
    }

    private Vehicle changeable(AccountPrincipal user, long vehicleId) {
        Vehicle vehicle = vehicles.findById(vehicleId).filter(v -> sees(user.id(), v))
                .orElseThrow(VehicleNotFoundException::new);
        if (!mayChange(user.id(), vehicle)) {
            throw new VehicleRefused("vehicle.error.notCoordinator");
        }
        return vehicle;
    }

    private void requireFreePlate(String plate, Long self) {
        vehicles.findByActivePlate(plate).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
            throw new VehicleRefused("vehicle.error.plateTaken", plate);
        });
    }

    private boolean sees(long accountId, Vehicle vehicle) {
        return vehicle.getOrganisationId() == null ? vehicle.getOwnerAccountId() == accountId
                : organisations.isMember(accountId, vehicle.getOrganisationId());
    }
}
