package kr.kaesongcrossing.checkpoint.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV for a spreadsheet: a UTF-8 BOM first (without it Excel shows Hangul as mojibake), then the header and the
 * rows, every cell quoted, lines ended by CRLF (RFC 4180). A cell a spreadsheet would run as a formula (it
 * starts with = + - @ tab or CR) gets a leading apostrophe, so that names and reasons from scans stay text.
 */
final class SpreadsheetCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;

    /** Writes the BOM and the header row. */
    SpreadsheetCsv(Writer out, List<String> header) throws IOException {
        out.write('\uFEFF');
        this.printer = new CSVPrinter(out, FORMAT.builder().setHeader(header.stream()
                .map(SpreadsheetCsv::inert).toArray(String[]::new)).get());
    }

    void row(List<String> cells) {
        try {
            printer.printRecord(cells.stream().map(SpreadsheetCsv::inert));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void flush() throws IOException {
        printer.flush();
    }

    /** The cell as text that a spreadsheet shows rather than evaluates. */
    static String inert(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
