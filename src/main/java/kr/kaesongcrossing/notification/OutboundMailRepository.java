package kr.kaesongcrossing.notification;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboundMailRepository extends JpaRepository<OutboundMail, Long> {

    Page<OutboundMail> findAllByOrderByCreatedAtDescIdDesc(Pageable pageable);
}
