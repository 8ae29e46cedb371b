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
    private String categoryCode;
    private String permitNumber;
    private Boolean comesBack;

    public GoodsRow() {
    }

    public GoodsRow(String description, Integer quantity, Long valueKrw) {
        this.description = description;
        this.quantity = quantity;
        this.valueKrw = valueKrw;
    }

    /** The row of a stored line. */
    public static GoodsRow of(GoodsLine line) {
        GoodsRow row = new GoodsRow(line.description(), line.quantity(), line.valueKrw());
        row.categoryCode = line.categoryCode();
        row.permitNumber = line.permitNumber();
        row.comesBack = line.comesBack();
        return row;
    }

    public boolean isBlank() {
        return (description == null || description.isBlank()) && quantity == null && valueKrw == null
                && blank(categoryCode) && blank(permitNumber);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String cleaned(String text) {
        return blank(text) ? null : text.strip();
    }

    /** The declared lines of checked rows (blank rows left out). */
    public static List<GoodsLine> lines(List<GoodsRow> rows) {
        List<GoodsLine> lines = new ArrayList<>();
        for (GoodsRow row : rows) {
            if (row != null && !row.isBlank()) {
                lines.add(new GoodsLine(row.description.strip(), row.quantity, row.valueKrw, cleaned(row.categoryCode),
                        cleaned(row.permitNumber), row.comesBack));
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

    public String getCategoryCode() {
        return categoryCode;
    }

    public void setCategoryCode(String categoryCode) {
        this.categoryCode = categoryCode;
    }

    public String getPermitNumber() {
        return permitNumber;
    }

    public void setPermitNumber(String permitNumber) {
        this.permitNumber = permitNumber;
    }

    public Boolean getComesBack() {
        return comesBack;
    }

    public void setComesBack(Boolean comesBack) {
        this.comesBack = comesBack;
    }
}
