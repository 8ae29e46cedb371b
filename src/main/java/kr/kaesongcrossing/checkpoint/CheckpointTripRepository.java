package kr.kaesongcrossing.checkpoint;

import org.springframework.data.jpa.repository.JpaRepository;

interface CheckpointTripRepository extends JpaRepository<CheckpointTrip, Long> {
}
