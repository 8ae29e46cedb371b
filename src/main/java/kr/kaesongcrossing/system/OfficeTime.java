package kr.kaesongcrossing.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The office's time: instants are stored in UTC and shown, entered and cut into days in Korea Standard Time.
 * A trip day runs from 00:00 KST up to, not including, 00:00 KST the next day; a validity that ends at such an
 * exclusive instant is shown as its last valid minute (23:59), as printed on the pass.
 */
public final class OfficeTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    // Pages show most times to the minute; scans and mail to the second.
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZONE);

    private OfficeTime() {
    }

    /** Today's date in Seoul by {@code clock}, whatever zone the clock has. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /**
     * A day a page was asked for ({@code yyyy-MM-dd}, as a date field sends it) that has begun by {@code today}:
     * empty when the text is not such a date or names a day to come.
     */
    public static Optional<LocalDate> dayUpTo(String text, LocalDate today) {
        try {
            LocalDate day = LocalDate.parse(text.strip());
            return day.isAfter(today) ? Optional.empty() : Optional.of(day);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** 00:00 KST on {@code day}: the first instant of a trip day. */
    public static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** 00:00 KST the day after {@code day}: the exclusive end of a trip day. */
    public static Instant endOfDay(LocalDate day) {
        return startOfDay(day.plusDays(1));
    }

    /** "yyyy-MM-dd HH:mm" in KST, or "" for no time. */
    public static String minutes(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }

    /** "yyyy-MM-dd HH:mm:ss" in KST, or "" for no time. */
    public static String seconds(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant);
    }

    /**
     * The last minute of a validity that ends, exclusively, at {@code end}: an end of 00:00 shows as 23:59 the
     * day before. "" for no end.
     */
    public static String lastValidMinute(Instant end) {
        return end == null ? "" : MINUTES.format(end.minusSeconds(60));
    }
}
