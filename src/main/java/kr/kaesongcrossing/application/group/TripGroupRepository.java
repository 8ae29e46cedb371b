package kr.kaesongcrossing.application.group;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TripGroupRepository extends JpaRepository<TripGroup, Long> {

    List<TripGroup> findByOrganisationIdOrderByCreatedAtDesc(long organisationId);
}
