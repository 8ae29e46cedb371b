package kr.kaesongcrossing.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV for a spreadsheet (the crossing log's export, a slot's manifest): a UTF-8 BOM first (without it Excel shows
 * Hangul as mojibake), then the rows, every cell quoted, lines ended by CRLF (RFC 4180). A cell a spreadsheet would run as a formula (it
 * starts with = + - @ tab or CR) gets a leading apostrophe, so that names and reasons from scans stay text.
 */
public final class SpreadsheetCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;

    /** Writes the BOM. */
    public SpreadsheetCsv(Writer out) throws IOException {
        out.write('\uFEFF');
        this.printer = new CSVPrinter(out, FORMAT);
    }

    public void row(List<String> cells) {
        try {
            printer.printRecord(cells.stream().map(SpreadsheetCsv::inert));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() throws IOException {
        printer.flush();
    }

    /** The cell as text that a spreadsheet shows rather than evaluates. */
    public static String inert(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
