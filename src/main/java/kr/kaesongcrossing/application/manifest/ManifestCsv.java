package kr.kaesongcrossing.application.manifest;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A manifest version as CSV for a spreadsheet: a UTF-8 BOM (without it Excel shows Hangul as mojibake), a first row
 * naming the slot, the version and when it was recorded (KST), then one row per traveller under a bilingual header
 * (Korean / English), every cell quoted, CRLF line ends. A cell a spreadsheet would run as a formula gets a leading
 * apostrophe. The ID number is never in it.
 */
@Component
class ManifestCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();
    private static final String FORMULA_STARTS = "=+-@\t\r";
    static final List<String> COLUMNS = List.of("manifest.col.no", "manifest.col.reference", "manifest.col.nameKorean",
            "manifest.col.nameLatin", "manifest.col.dateOfBirth", "manifest.col.organisation",
            "manifest.col.idDocumentType", "manifest.col.vehiclePlate", "manifest.col.vehicleType",
            "manifest.col.late");

    private final MessageSource messages;

    ManifestCsv(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(ManifestVersion version) {
        Manifest manifest = version.manifest();
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(Stream.of(both("manifest.csv.slot"), manifest.slot().toString(),
                    both(manifest.slot().direction().label()),
                    manifest.slot().date() + " " + manifest.slot().departsAt(),
                    both("manifest.csv.version"), String.valueOf(version.version()),
                    both("manifest.csv.recorded"), version.createdAtText() + " KST").map(ManifestCsv::inert));
            printer.printRecord(COLUMNS.stream().map(this::both).map(ManifestCsv::inert));
            int no = 0;
            for (Manifest.Traveller t : manifest.travellers()) {
                List<String> cells = new ArrayList<>();
                cells.add(String.valueOf(++no));
                cells.add(t.reference());
                cells.add(t.nameKorean());
                cells.add(text(t.nameLatin()));
                cells.add(t.dateOfBirth() == null ? "" : t.dateOfBirth().toString());
                cells.add(text(t.organisation()));
                cells.add(t.idDocumentType() == null ? "" : both("application.document." + t.idDocumentType()));
                cells.add(text(t.vehiclePlate()));
                cells.add(t.vehicleType() == null ? "" : both("application.vehicle." + t.vehicleType()));
                cells.add(t.late() ? both("manifest.late") + ": " + t.lateReason() : "");
                printer.printRecord(cells.stream().map(ManifestCsv::inert));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** "한국어 / English" of a message, so that both sides read the same file. */
    private String both(String key) {
        String korean = messages.getMessage(key, null, Locale.KOREAN);
        String english = messages.getMessage(key, null, Locale.ENGLISH);
        return korean.equals(english) ? korean : korean + " / " + english;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** The cell as text that a spreadsheet shows rather than evaluates. */
    private static String inert(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
