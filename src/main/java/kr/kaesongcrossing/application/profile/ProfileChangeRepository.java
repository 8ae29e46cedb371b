package kr.kaesongcrossing.application.profile;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProfileChangeRepository extends JpaRepository<ProfileChange, Long> {

    List<ProfileChange> findByProfileIdOrderByChangedAtDescIdDesc(long profileId);
}
