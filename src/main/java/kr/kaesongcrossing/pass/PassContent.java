package kr.kaesongcrossing.pass;

import java.time.Instant;

/**
 * What a pass says about its holder and trip: the signed claims plus the holder's account. A trip's pass has its
 * application; a standing permit's pass has the permit instead (and the permit's reference).
 */
record PassContent(String passId, Long applicationId, String applicationReference, long holderAccountId,
        String holderNameKorean, String holderNameLatin, Instant validFrom, Instant validUntil, Long permitId) {
}
