package kr.kaesongcrossing.application.group;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface GroupEventRepository extends JpaRepository<GroupEvent, Long> {

    List<GroupEvent> findByGroupIdOrderByAtAscIdAsc(long groupId);
}
