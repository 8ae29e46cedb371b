package kr.kaesongcrossing.application.consent;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the counterpart's consent list: one row per application, {@code reference,decision[,counterpart
 * reference]}. Accepts UTF-8 (with or without BOM) or the Windows Korean code page that Excel writes, comma,
 * semicolon or tab separators, quoted cells, and an optional header row.
 */
final class ConsentCsv {

    static final int MAX_ROWS = 5000;
    private static final Pattern HEADER = Pattern.compile("(?i).*(reference|ref|application|신청|번호).*");

    /** A line of the file as written; {@code cells} are trimmed. */
    record Row(int line, List<String> cells) {
    }

    private ConsentCsv() {
    }

    static List<Row> parse(byte[] data) {
        String text = decode(data);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        char separator = separator(lines);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> cells = split(lines[i], separator);
            if (rows.isEmpty() && i == firstNonBlank(lines) && !cells.isEmpty() && HEADER.matcher(cells.get(0)).matches()
                    && !cells.get(0).toUpperCase(Locale.ROOT).startsWith("KC-")) {
                continue;
            }
            rows.add(new Row(i + 1, cells));
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

    private static String decode(byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return new String(data, Charset.forName("x-windows-949"));
        }
    }

    private static int firstNonBlank(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static char separator(String[] lines) {
        for (String line : lines) {
            if (!line.isBlank()) {
                if (line.indexOf('\t') >= 0) {
                    return '\t';
                }
                if (line.indexOf(';') >= 0 && line.indexOf(',') < 0) {
                    return ';';
                }
                return ',';
            }
        }
        return ',';
    }

    private static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        while (cells.size() > 1 && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }
}
