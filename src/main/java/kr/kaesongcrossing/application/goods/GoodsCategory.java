package kr.kaesongcrossing.application.goods;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;

/**
 * A category of the goods reference list (an HS chapter or heading, or one of the office's own items) and its status
 * for carrying into the North. Goods lines refer to it by {@link #getCode() code}, which never changes.
 */
@Entity
@Table(name = "goods_category")
public class GoodsCategory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 20, updatable = false)
    private String code;

    @Column(name = "hs_code", length = 20)
    private String hsCode;

    @Column(name = "name_ko", nullable = false, length = 200)
    private String nameKo;

    @Column(name = "name_en", nullable = false, length = 200)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private GoodsStatus status;

    @Column(nullable = false, length = 200)
    private String basis;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected GoodsCategory() {
    }

    public GoodsCategory(String code, String hsCode, String nameKo, String nameEn, GoodsStatus status, String basis,
            int sortOrder, Instant now) {
        this.code = code;
        this.hsCode = hsCode;
        this.nameKo = nameKo;
        this.nameEn = nameEn;
        this.status = status;
        this.basis = basis;
        this.sortOrder = sortOrder;
        this.updatedAt = now;
    }

    /** A new status (and its basis), as an admin sets it. */
    public void change(GoodsStatus status, String basis, Instant now) {
        this.status = status;
        this.basis = basis;
        this.updatedAt = now;
    }

    /** The name in the reader's language (Korean unless English). */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameKo;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getHsCode() {
        return hsCode;
    }

    public String getNameKo() {
        return nameKo;
    }

    public String getNameEn() {
        return nameEn;
    }

    public GoodsStatus getStatus() {
        return status;
    }

    public String getBasis() {
        return basis;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
