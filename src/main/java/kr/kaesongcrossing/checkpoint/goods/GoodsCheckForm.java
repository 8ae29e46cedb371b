package kr.kaesongcrossing.checkpoint.goods;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * The tick-off as sent: for each declared line its outcome ({@code AS_DECLARED}, {@code MORE}, {@code LESS}, or
 * southbound {@code NOT_BACK}) and a note (required for a difference), and one undeclared item the officer found.
 * Which lines belong to the check is the service's to say ({@link GateGoods#record}).
 */
public class GoodsCheckForm {

    static final String AS_DECLARED = "AS_DECLARED";

    @Valid
    @Size(max = 100)
    private List<Line> lines = new ArrayList<>();

    @Size(max = GoodsDifference.MAX_DESCRIPTION)
    private String extraDescription;

    @Size(max = GoodsDifference.MAX_NOTE)
    private String extraNote;

    /** One declared line's outcome as ticked. */
    public static class Line {

        private Integer lineNo;

        @Size(max = 20)
        private String outcome;

        @Size(max = GoodsDifference.MAX_NOTE)
        private String note;

        public Line() {
        }

        Line(int lineNo, String outcome, String note) {
            this.lineNo = lineNo;
            this.outcome = outcome;
            this.note = note;
        }

        public Integer getLineNo() {
            return lineNo;
        }

        public void setLineNo(Integer lineNo) {
            this.lineNo = lineNo;
        }

        public String getOutcome() {
            return outcome;
        }

        public void setOutcome(String outcome) {
            this.outcome = outcome;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }

    public String getExtraDescription() {
        return extraDescription;
    }

    public void setExtraDescription(String extraDescription) {
        this.extraDescription = extraDescription;
    }

    public String getExtraNote() {
        return extraNote;
    }

    public void setExtraNote(String extraNote) {
        this.extraNote = extraNote;
    }
}
