package kr.kaesongcrossing.checkpoint.roster;

import org.springframework.data.jpa.repository.JpaRepository;

interface CheckpointTripRepository extends JpaRepository<CheckpointTrip, Long> {
}
