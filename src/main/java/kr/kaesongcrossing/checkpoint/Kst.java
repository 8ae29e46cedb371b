package kr.kaesongcrossing.checkpoint;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times are stored in UTC and shown, and entered, in Korea Standard Time. */
final class Kst {

    static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZONE);

    private Kst() {
    }

    static String minutes(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }

    /** The last minute of a validity that ends (exclusively) at {@code end}: 23:59 as printed on the pass. */
    static String lastValidMinute(Instant end) {
        return end == null ? "" : MINUTES.format(end.minusSeconds(60));
    }

    static String seconds(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant);
    }
}
