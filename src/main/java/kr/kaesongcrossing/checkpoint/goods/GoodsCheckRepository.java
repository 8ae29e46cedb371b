package kr.kaesongcrossing.checkpoint.goods;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.kaesongcrossing.checkpoint.scan.Direction;
import org.springframework.data.jpa.repository.JpaRepository;

interface GoodsCheckRepository extends JpaRepository<GoodsCheck, Long> {

    Optional<GoodsCheck> findByApplicationIdAndDirection(long applicationId, Direction direction);

    List<GoodsCheck> findByApplicationIdIn(List<Long> applicationIds);

    List<GoodsCheck> findByCheckedAtGreaterThanEqualAndCheckedAtLessThan(Instant from, Instant until);
}
