package kr.kaesongcrossing.application.goods;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The goods categories as they stand, by code (in list order), for checking lines and showing them. */
public record GoodsCatalogue(Map<String, GoodsCategory> byCode) {

    public static GoodsCatalogue of(List<GoodsCategory> categories) {
        Map<String, GoodsCategory> byCode = new LinkedHashMap<>();
        categories.forEach(c -> byCode.put(c.getCode(), c));
        return new GoodsCatalogue(byCode);
    }

    public GoodsCategory get(String code) {
        return code == null ? null : byCode.get(code);
    }

    /** The category's status, or null when there is no such category. */
    public GoodsStatus status(String code) {
        GoodsCategory category = get(code);
        return category == null ? null : category.getStatus();
    }

    /** The category's name in the reader's language ({@code -} for a line without one, the code for one removed). */
    public String name(String code, Locale locale) {
        if (code == null) {
            return "-";
        }
        GoodsCategory category = get(code);
        return category == null ? code : category.name(locale);
    }

    /** The categories by status (allowed, permit, prohibited), for a grouped choice. */
    public Map<GoodsStatus, List<GoodsCategory>> byStatus() {
        Map<GoodsStatus, List<GoodsCategory>> groups = new EnumMap<>(GoodsStatus.class);
        for (GoodsStatus status : GoodsStatus.values()) {
            groups.put(status, byCode.values().stream().filter(c -> c.getStatus() == status).toList());
        }
        return groups;
    }

    public List<GoodsCategory> all() {
        return List.copyOf(byCode.values());
    }
}
