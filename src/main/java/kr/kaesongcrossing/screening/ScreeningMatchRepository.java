package kr.kaesongcrossing.screening;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScreeningMatchRepository extends JpaRepository<ScreeningMatch, Long> {

    List<ScreeningMatch> findByApplicationIdOrderByIdAsc(long applicationId);

    List<ScreeningMatch> findByEntryIdAndStatus(long entryId, ScreeningMatch.Status status);

    boolean existsByApplicationIdAndStatus(long applicationId, ScreeningMatch.Status status);

    boolean existsByApplicationIdAndEntryId(long applicationId, long entryId);
}
