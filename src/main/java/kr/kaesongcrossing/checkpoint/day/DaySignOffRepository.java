package kr.kaesongcrossing.checkpoint.day;

import java.time.LocalDate;
import org.springframework.data.jpa.repository.JpaRepository;

interface DaySignOffRepository extends JpaRepository<DaySignOff, LocalDate> {
}
