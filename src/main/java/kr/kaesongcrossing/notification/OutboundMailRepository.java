package kr.kaesongcrossing.notification;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface OutboundMailRepository extends JpaRepository<OutboundMail, Long> {

    Page<OutboundMail> findAllByOrderByCreatedAtDescIdDesc(Pageable pageable);

    @Query("select m.id from OutboundMail m where m.eventKey = :eventKey")
    Optional<Long> findIdByEventKey(String eventKey);

    /** {@code SELECT ... FOR UPDATE} of one mail row. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from OutboundMail m where m.id = :id")
    Optional<OutboundMail> lockById(long id);
}
