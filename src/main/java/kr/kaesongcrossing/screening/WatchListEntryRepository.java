package kr.kaesongcrossing.screening;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface WatchListEntryRepository extends JpaRepository<WatchListEntry, Long> {

    List<WatchListEntry> findAllByOrderByIdDesc();
}
