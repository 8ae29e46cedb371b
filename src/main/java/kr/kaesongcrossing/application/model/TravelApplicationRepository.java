package kr.kaesongcrossing.application.model;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.PlannedTrip;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TravelApplicationRepository extends JpaRepository<TravelApplication, Long> {

    Optional<TravelApplication> findByIdAndApplicantId(Long id, Long applicantId);

    /** A group trip's members, by name. */
    List<TravelApplication> findByGroupIdOrderByNameKoreanAscIdAsc(Long groupId);

    List<TravelApplication> findByStatusIn(Collection<ApplicationStatus> statuses);
    /** The person's latest own application with a photo (not a permit booking): their data on file for now. */
    Optional<TravelApplication> findFirstByApplicantIdAndPermitIdIsNullAndSubmittedAtIsNotNullAndHasPhotoTrueOrderBySubmittedAtDesc(
            Long applicantId);

    /** The crossings booked on a permit, latest first. */
    List<TravelApplication> findByPermitIdOrderByEntryDateDescIdDesc(Long permitId);

    /** Locks the row (SELECT ... FOR UPDATE) so that concurrent changes queue up behind each other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from TravelApplication a where a.id = :id")
    Optional<TravelApplication> findForUpdate(@Param("id") Long id);

    @Query(value = """
            select new kr.kaesongcrossing.application.model.ApplicantRow(
                a.id, a.reference, a.status, a.purpose, a.entryDate, a.returnDate, a.updatedAt)
            from TravelApplication a where a.applicantId = :applicantId order by a.createdAt desc, a.id desc""",
            countQuery = "select count(a) from TravelApplication a where a.applicantId = :applicantId")
    Page<ApplicantRow> findRowsByApplicant(@Param("applicantId") Long applicantId, Pageable pageable);

    /** The trips with their goods, in one query: a manifest lists every traveller's goods. */
    @Query("select a from TravelApplication a left join fetch a.goods where a.id in :ids")
    List<TravelApplication> findWithGoods(@Param("ids") Collection<Long> ids);

    boolean existsByIdAndStatus(Long id, ApplicationStatus status);

    /** Trips held by screening in these statuses (V62 indexes the hold), by entry date. */
    List<TravelApplication> findByWatchlistHoldTrueAndStatusInOrderByEntryDateAscIdAsc(
            Collection<ApplicationStatus> statuses);

    @Query("""
            select new kr.kaesongcrossing.application.model.ConsentCandidate(
                a.id, a.reference, a.status, a.version, a.applicantId, a.nameKorean, a.nameLatin, a.entryDate)
            from TravelApplication a where a.reference in :references""")
    List<ConsentCandidate> findCandidates(@Param("references") Collection<String> references);

    @Query("""
            select new kr.kaesongcrossing.application.PlannedTrip(
                a.id, a.reference, a.applicantId, a.entryDate, a.returnDate)
            from TravelApplication a where a.status in :statuses and a.entryDate <= :last and a.returnDate >= :first
            order by a.id""")
    List<PlannedTrip> findPlannedTrips(@Param("statuses") Collection<ApplicationStatus> statuses,
            @Param("first") LocalDate first, @Param("last") LocalDate last);
}
