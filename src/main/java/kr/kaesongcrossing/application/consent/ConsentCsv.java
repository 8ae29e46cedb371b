package kr.kaesongcrossing.application.consent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the counterpart's consent list: one row per application, {@code reference,decision[,counterpart
 * reference]}. Accepts UTF-8 (with or without BOM) or the Windows Korean code page that Excel writes, comma,
 * semicolon or tab separators, quoted cells, and an optional header row.
 */
final class ConsentCsv {

    static final int MAX_ROWS = 5000;
    private static final Pattern HEADER = Pattern.compile("(?i).*(reference|ref|application|신청|번호).*");
    /** What Excel on Korean Windows saves "CSV" as. */
    private static final Charset WINDOWS_KOREAN = Charset.forName("x-windows-949");

    /** A line of the file as written; {@code cells} are trimmed. */
    record Row(int line, List<String> cells) {
    }

    /** The file cannot be read as a list at all, so nothing of it is used; {@code code} is the message key. */
    static final class UnreadableException extends RuntimeException {

        private final String code;
        private final transient Object[] args;

        UnreadableException(String code, Object... args) {
            super(code);
            this.code = code;
            this.args = args;
        }

        String code() {
            return code;
        }

        Object[] args() {
            return args;
        }
    }

    private ConsentCsv() {
    }

    /** The rows of the file, without blank lines and header; refuses the whole file if any of it is unreadable. */
    static List<Row> parse(byte[] data) {
        String text = decode(data);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        // Blank lines are kept as records so that the parser's line count stays the file's line numbers.
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator(text)).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true).get();
        List<Row> rows = new ArrayList<>();
        boolean first = true;
        long line = 1;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            // line: where the record about to be read starts, as the parser has read up to the end of the last one
            for (; records.hasNext(); line = parser.getCurrentLineNumber() + 1) {
                List<String> cells = cells(records.next());
                if (cells.size() < 2 && cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                boolean header = first && HEADER.matcher(cells.get(0)).matches()
                        && !cells.get(0).toUpperCase(Locale.ROOT).startsWith("KC-");
                first = false;
                if (header) {
                    continue;
                }
                rows.add(new Row(Math.toIntExact(line), cells));
                if (rows.size() > MAX_ROWS) {
                    throw new UnreadableException("application.consent.import.file.tooManyRows", MAX_ROWS);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UnreadableException("application.consent.import.file.malformed", String.valueOf(line));
        }
        return rows;
    }

    /** CONSENT is true, REFUSE is false; empty when the word is not one we know. */
    static Optional<Boolean> decision(String raw) {
        String word = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        return switch (word) {
            case "CONSENT", "CONSENTED", "YES", "Y", "APPROVED", "동의", "승인", "O" -> Optional.of(true);
            case "REFUSE", "REFUSED", "NO", "N", "REJECTED", "거부", "부동의", "불허", "X" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** UTF-8 if the bytes are valid UTF-8, else the Korean code page; neither means a file we cannot read. */
    private static String decode(byte[] data) {
        for (Charset charset : List.of(StandardCharsets.UTF_8, WINDOWS_KOREAN)) {
            try {
                return charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(data)).toString();
            } catch (CharacterCodingException e) {
                // not this encoding: try the next
            }
        }
        throw new UnreadableException("application.consent.import.file.encoding");
    }

    /** The first non-blank line decides: a tab, else a semicolon when it has no comma, else a comma. */
    private static char separator(String text) {
        String line = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        if (line.indexOf('\t') >= 0) {
            return '\t';
        }
        return line.indexOf(';') >= 0 && line.indexOf(',') < 0 ? ';' : ',';
    }

    /** Cells stripped of any Unicode space, without the empty cells Excel pads a short row with. */
    private static List<String> cells(CSVRecord record) {
        List<String> cells = new ArrayList<>(record.size());
        record.forEach(cell -> cells.add(cell.strip()));
        while (cells.size() > 1 && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }
}
