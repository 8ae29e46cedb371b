package kr.kaesongcrossing.application.goods;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new category, as the administrator types it; the code is how goods lines name it for good. */
record GoodsCategoryForm(
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Z0-9-]{2,20}",
                message = "{goods.admin.error.code}") String code,
        @Pattern(regexp = "[0-9.-]{2,20}", message = "{goods.admin.error.hsCode}") String hsCode,
        @NotBlank(message = "{validation.required}") @Size(max = 200) String nameKo,
        @NotBlank(message = "{validation.required}") @Size(max = 200) String nameEn,
        @NotNull(message = "{validation.required}") GoodsStatus status,
        @NotBlank(message = "{validation.required}") @Size(max = 200) String basis,
        @NotNull(message = "{validation.required}") @Min(0) @Max(100_000) Integer sortOrder) {

    static GoodsCategoryForm empty() {
        return new GoodsCategoryForm("", null, "", "", null, "", 800);
    }

    /** Outer spaces off; an empty HS code is none. */
    GoodsCategoryForm cleaned() {
        return new GoodsCategoryForm(strip(code), hsCode == null || hsCode.isBlank() ? null : hsCode.strip(),
                strip(nameKo), strip(nameEn), status, strip(basis), sortOrder);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
