package kr.kaesongcrossing.application.goods;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GoodsCategoryRepository extends JpaRepository<GoodsCategory, Long> {

    List<GoodsCategory> findAllByOrderBySortOrderAscCodeAsc();

    Optional<GoodsCategory> findByCode(String code);

    boolean existsByCode(String code);
}
