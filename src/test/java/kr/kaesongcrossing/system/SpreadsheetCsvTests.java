package kr.kaesongcrossing.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetCsvTests {

    @Test
    void shouldWriteBomHeaderAndQuotedCellsWithCrlf() throws IOException {
        StringWriter out = new StringWriter();
        SpreadsheetCsv csv = new SpreadsheetCsv(out);
        csv.row(List.of("이름", "사유"));
        csv.row(List.of("김 \"철수\"", ""));
        csv.row(List.of("a,b", "두\n줄"));
        csv.flush();

        assertThat(out.toString()).isEqualTo("\uFEFF\"이름\",\"사유\"\r\n\"김 \"\"철수\"\"\",\"\"\r\n"
                + "\"a,b\",\"두\n줄\"\r\n");
    }

    @Test
    void shouldKeepCellsThatASpreadsheetWouldRunAsText() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1")) {
            assertThat(SpreadsheetCsv.inert(formula)).isEqualTo("'" + formula);
        }
        assertThat(SpreadsheetCsv.inert("홍길동 = 1")).isEqualTo("홍길동 = 1");
        assertThat(SpreadsheetCsv.inert("")).isEmpty();
    }
}
