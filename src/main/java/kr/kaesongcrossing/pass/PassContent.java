package kr.kaesongcrossing.pass;

import java.time.Instant;

/** What a pass says about its holder and trip: the signed claims plus the holder's account. */
record PassContent(String passId, long applicationId, String applicationReference, long holderAccountId,
        String holderNameKorean, String holderNameLatin, Instant validFrom, Instant validUntil) {
}
