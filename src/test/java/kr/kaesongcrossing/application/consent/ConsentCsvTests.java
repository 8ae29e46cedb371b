package kr.kaesongcrossing.application.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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

    @Test
    void shouldRefuseTheWholeFileOnBrokenQuotingAndSayWhichLine() {
        ConsentCsv.UnreadableException afterQuote = unreadable("KC-2026-000001,CONSENT\nKC-2026-000002,\"REFUSE\"X\n");
        ConsentCsv.UnreadableException unclosed = unreadable("KC-2026-000001,CONSENT\n\nKC-2026-000002,\"REFUSE\n"
                + "KC-2026-000003,CONSENT\n");

        assertThat(afterQuote.code()).isEqualTo("application.consent.import.file.malformed");
        assertThat(afterQuote.args()).containsExactly("2");
        assertThat(unclosed.code()).isEqualTo("application.consent.import.file.malformed");
        assertThat(unclosed.args()).containsExactly("3");
    }

    @Test
    void shouldKeepLineNumbersAfterAQuotedCellOverTwoLines() {
        List<ConsentCsv.Row> rows = ConsentCsv.parse("KC-2026-000001,CONSENT,\"NK\r\n1\"\r\nKC-2026-000002,REFUSE\r\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(rows).extracting(ConsentCsv.Row::line).containsExactly(1, 3);
        assertThat(rows.get(0).cells().get(2)).isEqualTo("NK\r\n1");
    }

    @Test
    void shouldRefuseAFileThatIsNeitherUtf8NorTheKoreanCodePage() {
        ConsentCsv.UnreadableException e = catchThrowableOfType(ConsentCsv.UnreadableException.class,
                () -> ConsentCsv.parse(new byte[] {'K', 'C', (byte) 0xFF, (byte) 0xFF, ',', 'Y'}));

        assertThat(e.code()).isEqualTo("application.consent.import.file.encoding");
    }

    @Test
    void shouldRefuseMoreRowsThanTheLimit() {
        String rows = "KC-2026-000001,CONSENT\n".repeat(ConsentCsv.MAX_ROWS);

        assertThat(ConsentCsv.parse(rows.getBytes(StandardCharsets.UTF_8))).hasSize(ConsentCsv.MAX_ROWS);
        assertThat(unreadable(rows + "KC-2026-000002,CONSENT\n").code())
                .isEqualTo("application.consent.import.file.tooManyRows");
    }

    private static ConsentCsv.UnreadableException unreadable(String text) {
        return catchThrowableOfType(ConsentCsv.UnreadableException.class,
                () -> ConsentCsv.parse(text.getBytes(StandardCharsets.UTF_8)));
    }
}
