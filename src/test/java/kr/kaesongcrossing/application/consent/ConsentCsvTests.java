package kr.kaesongcrossing.application.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentCsvTests {

    @Test
    void shouldSkipAHeaderAndBlankLinesAndKeepLineNumbers() {
        List<ConsentCsv.Row> rows = ConsentCsv.parse("""
                reference,decision,counterpart
                KC-2026-000001,CONSENT,NK-1

                KC-2026-000002,REFUSE
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(rows).extracting(ConsentCsv.Row::line).containsExactly(2, 4);
        assertThat(rows.get(0).cells()).containsExactly("KC-2026-000001", "CONSENT", "NK-1");
        assertThat(rows.get(1).cells()).containsExactly("KC-2026-000002", "REFUSE");
    }

    @Test
    void shouldReadExcelKoreanCsvWithBomOrCodePage949() {
        String text = "신청번호,결정\r\nKC-2026-000001,동의\r\nKC-2026-000002,거부\r\n";
        byte[] utf8Bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        byte[] cp949 = text.getBytes(Charset.forName("x-windows-949"));

        for (byte[] file : List.of(utf8Bom, cp949)) {
            List<ConsentCsv.Row> rows = ConsentCsv.parse(file);
            assertThat(rows).hasSize(2);
            assertThat(ConsentCsv.decision(rows.get(0).cells().get(1))).contains(true);
            assertThat(ConsentCsv.decision(rows.get(1).cells().get(1))).contains(false);
        }
    }

    @Test
    void shouldHandleQuotedCellsAndSemicolons() {
        List<ConsentCsv.Row> rows = ConsentCsv.parse("KC-2026-000001;\"consent\";\"NK; \"\"7\"\"\"\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(rows.get(0).cells()).containsExactly("KC-2026-000001", "consent", "NK; \"7\"");
    }

    @Test
    void shouldKnowTheDecisionWordsAndNothingElse() {
        assertThat(ConsentCsv.decision(" consented ")).contains(true);
        assertThat(ConsentCsv.decision("Y")).contains(true);
        assertThat(ConsentCsv.decision("no")).contains(false);
        assertThat(ConsentCsv.decision("maybe")).isEmpty();
        assertThat(ConsentCsv.decision(null)).isEmpty();
    }
}
