package kr.kaesongcrossing.application.vehicle;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface VehicleRepository extends JpaRepository<Vehicle, Long> {

    /** A person's own vehicles and those of the organisations given. */
    List<Vehicle> findByOwnerAccountIdOrOrganisationIdIn(long ownerAccountId, Collection<Long> organisationIds);

    Optional<Vehicle> findByActivePlate(String activePlate);
}
