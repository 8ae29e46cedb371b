package kr.kaesongcrossing.schedule;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a slot whether or not it has a row yet: its direction, date and time at the first gate. Its text form
 * ({@code N-2026-12-03-0830}, {@code S-…} southbound) is what forms and links carry.
 */
public record SlotKey(TravelDirection direction, LocalDate date, LocalTime departsAt) {

    private static final Pattern TEXT = Pattern.compile("([NS])-(\\d{4}-\\d{2}-\\d{2})-(\\d{2})(\\d{2})");

    public SlotKey {
        departsAt = departsAt.withSecond(0).withNano(0);
    }

    /** The key {@code text} names, or empty when it is not one. */
    public static Optional<SlotKey> parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SlotKey(m.group(1).equals("N") ? TravelDirection.NORTHBOUND
                    : TravelDirection.SOUTHBOUND, LocalDate.parse(m.group(2)),
                    LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return String.format("%s-%s-%02d%02d", direction == TravelDirection.NORTHBOUND ? "N" : "S", date,
                departsAt.getHour(), departsAt.getMinute());
    }
}
