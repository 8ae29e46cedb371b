package kr.kaesongcrossing.checkpoint.goods;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface GoodsDifferenceRepository extends JpaRepository<GoodsDifference, Long> {

    List<GoodsDifference> findByClosedAtIsNullOrderByRecordedAtAscIdAsc();

    List<GoodsDifference> findByApplicationIdIn(List<Long> applicationIds);
}
