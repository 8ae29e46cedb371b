package kr.kaesongcrossing.application.goods;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The goods reference list (also {@code @goodsCategories} in templates: names and statuses of goods lines). */
@Component("goodsCategories")
public class GoodsCategories {

    private final GoodsCategoryRepository categories;

    GoodsCategories(GoodsCategoryRepository categories) {
        this.categories = categories;
    }

    @Transactional(readOnly = true)
    public GoodsCatalogue catalogue() {
        return GoodsCatalogue.of(categories.findAllByOrderBySortOrderAscCodeAsc());
    }
}
