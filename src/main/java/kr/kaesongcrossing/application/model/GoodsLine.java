package kr.kaesongcrossing.application.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One line of the goods declaration (carry-in / carry-out): its category of the goods reference list
 * ({@code application.goods}), the export permit number for a category that needs one, and whether it comes back
 * (equipment, samples) or stays (gifts, consumables). Lines declared before categories existed have none of the three.
 */
@Embeddable
public record GoodsLine(
        @Column(name = "description", nullable = false, length = 200) String description,
        @Column(name = "quantity", nullable = false) int quantity,
        @Column(name = "value_krw", nullable = false) long valueKrw,
        @Column(name = "category_code", length = 20) String categoryCode,
        @Column(name = "permit_number", length = 40) String permitNumber,
        @Column(name = "comes_back") Boolean comesBack) {

    /** A line without category: as declared before categories existed, or read back from a manifest's text. */
    public GoodsLine(String description, int quantity, long valueKrw) {
        this(description, quantity, valueKrw, null, null, null);
    }
}
