package kr.kaesongcrossing.checkpoint;

import org.springframework.data.jpa.repository.JpaRepository;

interface PassPresenceRepository extends JpaRepository<PassPresence, String> {
}
