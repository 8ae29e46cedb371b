package kr.kaesongcrossing.screening;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ScreeningMatchRepository extends JpaRepository<ScreeningMatch, Long> {

    /** Every pair raised so far, without loading the matches: application id, entry id, status. */
    @Query("select m.applicationId, m.entryId, m.status from ScreeningMatch m")
    List<Object[]> pairs();

    List<ScreeningMatch> findByApplicationIdOrderByIdAsc(long applicationId);

    List<ScreeningMatch> findByEntryIdAndStatus(long entryId, ScreeningMatch.Status status);

    boolean existsByApplicationIdAndStatus(long applicationId, ScreeningMatch.Status status);
}
