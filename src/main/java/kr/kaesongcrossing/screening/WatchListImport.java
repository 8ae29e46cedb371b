package kr.kaesongcrossing.screening;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kr.kaesongcrossing.system.OfficeTime;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * A watch list as CSV (comma-separated; a header line is skipped), in UTF-8 (with or without a byte order mark) or,
 * when the bytes are not valid UTF-8, CP949 (EUC-KR and its Windows superset, as Korean government spreadsheets save
 * it): name in Hangul, name in Latin letters,
 * date of birth (yyyy-mm-dd), ID number, reason, source, listed since (yyyy-mm-dd, today when empty). Each row is
 * checked as the form would check it; the preview shows every row with its problem, and only good rows are added.
 */
@Component
class WatchListImport {

    static final int MAX_ROWS = 10_000;
    private static final Charset CP949 = Charset.forName("x-windows-949");

    /** A row of the preview: its line, names, and the message code of its problem (null for a good row). */
    record Row(int line, String nameKorean, String nameLatin, String problem) implements Serializable {
    }

    record Plan(List<Row> rows, List<WatchList.Prepared> good) implements Serializable {
    }

    private final Validator validator;
    private final WatchList watchList;
    private final Clock clock;

    WatchListImport(Validator validator, WatchList watchList, Clock clock) {
        this.validator = validator;
        this.watchList = watchList;
        this.clock = clock;
    }

    /** The plan for a file; null when it cannot be read as CSV at all. */
    Plan preview(byte[] data) {
        String text = decode(data);
        if (text == null) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        List<WatchList.Prepared> good = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>();
                record.forEach(cell -> cells.add(cell.strip()));
                if (cells.stream().allMatch(String::isEmpty) || (record.getRecordNumber() == 1 && isHeader(cells))) {
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    return null;
                }
                int line = Math.toIntExact(record.getRecordNumber());
                String korean = cell(cells, 0);
                String latin = cell(cells, 1);
                WatchListForm form;
                try {
                    String since = cell(cells, 6);
                    form = new WatchListForm(korean, latin, date(cell(cells, 2)), cell(cells, 3), cell(cells, 4),
                            cell(cells, 5), since.isEmpty() ? OfficeTime.today(clock) : LocalDate.parse(since));
                } catch (DateTimeParseException e) {
                    rows.add(new Row(line, korean, latin, "watchlist.import.date"));
                    continue;
                }
                Set<ConstraintViolation<WatchListForm>> problems = validator.validate(form);
                if (!problems.isEmpty()) {
                    rows.add(new Row(line, korean, latin, code(problems.iterator().next())));
                    continue;
                }
                good.add(watchList.prepare(form));
                rows.add(new Row(line, korean, latin, null));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
        return new Plan(List.copyOf(rows), List.copyOf(good));
    }

    /** UTF-8 when the bytes are valid UTF-8 (without its byte order mark), else CP949; null when neither. */
    static String decode(byte[] data) {
        String text;
        try {
            text = strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                text = strict(CP949).decode(ByteBuffer.wrap(data)).toString();
            } catch (CharacterCodingException neither) {
                return null;
            }
        }
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Our own messages by their key; the rest (sizes, dates in the future) as one sentence. */
    private static String code(ConstraintViolation<WatchListForm> problem) {
        String template = problem.getMessageTemplate();
        return template.startsWith("{watchlist.") || template.startsWith("{validation.")
                ? template.substring(1, template.length() - 1) : "watchlist.import.invalid";
    }

    private static boolean isHeader(List<String> cells) {
        String first = String.join(" ", cells).toLowerCase(Locale.ROOT);
        return first.contains("name") || first.contains("이름");
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    private static LocalDate date(String text) {
        return text.isEmpty() ? null : LocalDate.parse(text);
    }
}
