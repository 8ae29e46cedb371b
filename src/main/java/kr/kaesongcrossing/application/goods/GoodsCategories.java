package kr.kaesongcrossing.application.goods;

import java.time.Clock;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The goods reference list (also {@code @goodsCategories} in templates: names and statuses of goods lines), and the
 * administrator's changes to it, each audited. A category is never removed, as stored lines name it by its code.
 */
@Component("goodsCategories")
public class GoodsCategories {

    private final GoodsCategoryRepository categories;
    private final AuditTrail audit;
    private final Clock clock;

    GoodsCategories(GoodsCategoryRepository categories, AuditTrail audit, Clock clock) {
        this.categories = categories;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public GoodsCatalogue catalogue() {
        return GoodsCatalogue.of(categories.findAllByOrderBySortOrderAscCodeAsc());
    }

    @Transactional(readOnly = true)
    boolean codeTaken(String code) {
        return categories.existsByCode(code);
    }

    @RetryOnWriteConflict
    @Transactional
    void add(GoodsCategoryForm form) {
        GoodsCategory category = categories.save(new GoodsCategory(form.code(), form.hsCode(), form.nameKo(),
                form.nameEn(), form.status(), form.basis(), form.sortOrder(), clock.instant()));
        audit.record("goods-category.added", Subject.of("goods-category", category.getCode()),
                "status=" + category.getStatus() + " basis=" + category.getBasis());
    }

    @RetryOnWriteConflict
    @Transactional
    void change(long id, GoodsStatus status, String basis) {
        GoodsCategory category = categories.findById(id).orElseThrow(GoodsCategoryNotFoundException::new);
        GoodsStatus before = category.getStatus();
        category.change(status, basis, clock.instant());
        audit.record("goods-category.changed", Subject.of("goods-category", category.getCode()),
                "status=" + before + "->" + status + " basis=" + basis);
    }
}
