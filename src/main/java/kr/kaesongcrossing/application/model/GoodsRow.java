package kr.kaesongcrossing.application.model;

import java.util.ArrayList;
import java.util.List;

/** One row of a goods declaration as typed (application and group forms); a row left entirely blank is ignored. */
public class GoodsRow {

    /** Rows a form takes at the most. */
    public static final int MAX_ROWS = 20;

    private String description;
    private Integer quantity;
    private Long valueKrw;

    public GoodsRow() {
    }

    public GoodsRow(String description, Integer quantity, Long valueKrw) {
        this.description = description;
        this.quantity = quantity;
        this.valueKrw = valueKrw;
    }

    public boolean isBlank() {
        return (description == null || description.isBlank()) && quantity == null && valueKrw == null;
    }

    /** The declared lines of checked rows (blank rows left out). */
    public static List<GoodsLine> lines(List<GoodsRow> rows) {
        List<GoodsLine> lines = new ArrayList<>();
        for (GoodsRow row : rows) {
            if (row != null && !row.isBlank()) {
                lines.add(new GoodsLine(row.description.strip(), row.quantity, row.valueKrw));
            }
        }
        return lines;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public Long getValueKrw() {
        return valueKrw;
    }

    public void setValueKrw(Long valueKrw) {
        this.valueKrw = valueKrw;
    }
}
