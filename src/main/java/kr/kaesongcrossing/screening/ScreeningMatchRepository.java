package kr.kaesongcrossing.screening;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ScreeningMatchRepository extends JpaRepository<ScreeningMatch, Long> {

    /** The pairs raised so far with these applications, without loading the matches: application, entry, status. */
    @Query("select m.applicationId, m.entryId, m.status from ScreeningMatch m where m.applicationId in :applicationIds")
    List<Object[]> pairsOf(Collection<Long> applicationIds);

    List<ScreeningMatch> findByApplicationIdOrderByIdAsc(long applicationId);

    List<ScreeningMatch> findByEntryIdAndStatus(long entryId, ScreeningMatch.Status status);

    boolean existsByApplicationIdAndStatus(long applicationId, ScreeningMatch.Status status);
}
