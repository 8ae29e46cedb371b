package kr.kaesongcrossing.application.manifest;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.kaesongcrossing.system.SpreadsheetCsv;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A manifest version as CSV for a spreadsheet: a UTF-8 BOM (without it Excel shows Hangul as mojibake), a first row
 * naming the slot, the version and when it was recorded (KST), then one row per traveller under a bilingual header
 * (Korean / English), written by {@link SpreadsheetCsv} (every cell quoted, formulas made harmless). The ID number is
 * never in it.
 */
@Component
class ManifestCsv {

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
        try {
            SpreadsheetCsv csv = new SpreadsheetCsv(out);
            List<String> heading = new ArrayList<>(List.of(both("manifest.csv.slot"), manifest.slot().toString(),
                    both(manifest.slot().direction().label()),
                    manifest.slot().date() + " " + manifest.slot().departsAt(),
                    both("manifest.csv.version"), String.valueOf(version.version()),
                    both("manifest.csv.recorded"), version.createdAtText() + " KST"));
            if (version.anonymised()) {
                heading.add(both("manifest.anonymised"));
            }
            csv.row(heading);
            csv.row(COLUMNS.stream().map(this::both).toList());
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
                csv.row(cells);
            }
            csv.flush();
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
}
