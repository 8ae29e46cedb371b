package kr.kaesongcrossing.pass;

import java.time.Instant;

/** Published in the issuing transaction when a pass is issued (on approval or on re-issue). */
public record PassIssued(String passId, long applicationId, long holderAccountId, Instant validFrom,
        Instant validUntil) {
}
