package kr.kaesongcrossing.pass;

import java.time.Instant;

/**
 * When a pass may be used: from {@code from} up to, not including, {@code until} (00:00 KST after the return
 * day, shown as its last minute, 23:59). The one rule for the pass's status, its page and re-issue; the
 * checkpoint compares with clock skew of its own.
 */
record Validity(Instant from, Instant until) {

    /** NOT_YET_VALID before {@code from}, ACTIVE from it, EXPIRED from {@code until} on. */
    PassStatus at(Instant now) {
        if (now.isBefore(from)) {
            return PassStatus.NOT_YET_VALID;
        }
        return now.isBefore(until) ? PassStatus.ACTIVE : PassStatus.EXPIRED;
    }

    boolean endedAt(Instant now) {
        return at(now) == PassStatus.EXPIRED;
    }
}
