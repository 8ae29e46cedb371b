package kr.kaesongcrossing.application.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of the goods declaration (carry-in / carry-out). */
@Embeddable
public record GoodsLine(
        @Column(name = "description", nullable = false, length = 200) String description,
        @Column(name = "quantity", nullable = false) int quantity,
        @Column(name = "value_krw", nullable = false) long valueKrw) {
}
