package kr.kaesongcrossing.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** The table the suite prints at the end (and writes to target/reliability/report.txt). */
final class ReliabilityReport {

    /** One scenario's figures; -1 prints as "-" (not applicable). */
    record Row(String scenario, String database, long sent, long answered, long errors, long failClosed,
            long acknowledged, long foundInLog, long lost, long duplicates, long insideTwice, long slowestFailClosedMs,
            long recoveryMs) {
    }

    private static final String[] HEADERS = {"scenario", "db", "sent", "answered", "errors", "503 fail-closed",
        "acknowledged", "in log", "lost", "duplicates", "inside twice", "slowest 503 ms", "recovery ms"};

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    synchronized void add(Row row) {
        rows.add(row);
    }

    synchronized void note(String line) {
        notes.add(line);
    }

    synchronized String table(String title) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADERS);
        for (Row r : rows) {
            cells.add(new String[] {r.scenario(), r.database(), n(r.sent()), n(r.answered()), n(r.errors()),
                n(r.failClosed()), n(r.acknowledged()), n(r.foundInLog()), n(r.lost()), n(r.duplicates()),
                n(r.insideTwice()), n(r.slowestFailClosedMs()), n(r.recoveryMs())});
        }
        int[] widths = new int[HEADERS.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder(title).append('\n');
        for (int l = 0; l < cells.size(); l++) {
            String[] line = cells.get(l);
            out.append('|');
            for (int i = 0; i < line.length; i++) {
                out.append(' ').append(pad(line[i], widths[i], i > 1)).append(" |");
            }
            out.append('\n');
            if (l == 0) {
                out.append('|');
                for (int width : widths) {
                    out.append('-').append("-".repeat(width)).append("-|");
                }
                out.append('\n');
            }
        }
        notes.forEach(note -> out.append(note).append('\n'));
        return out.toString();
    }

    synchronized boolean isEmpty() {
        return rows.isEmpty();
    }

    void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("could not write " + file + ": " + e.getMessage());
        }
    }

    private static String n(long value) {
        return value < 0 ? "-" : Long.toString(value);
    }

    private static String pad(String text, int width, boolean right) {
        String padding = " ".repeat(width - text.length());
        return right ? padding + text : text + padding;
    }
}
