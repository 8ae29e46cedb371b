package kr.kaesongcrossing.application;

import org.springframework.data.jpa.repository.JpaRepository;

interface TripPresenceRepository extends JpaRepository<TripPresence, Long> {
}
