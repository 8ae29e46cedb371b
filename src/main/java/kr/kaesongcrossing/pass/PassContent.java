package kr.kaesongcrossing.pass;

import java.time.Instant;

/**
 * What a pass says about its holder and trip: the signed claims plus the holder's account. A trip's pass has its
 * application; a standing permit's pass has the permit instead (and the permit's reference). A vehicle pass has
 * {@code vehicle}: it is held by the trip's driver (whose names it keeps) and its token carries the plate instead.
 */
record PassContent(String passId, Long applicationId, String applicationReference, long holderAccountId,
        String holderNameKorean, String holderNameLatin, Instant validFrom, Instant validUntil, Long permitId,
        VehicleOnPass vehicle) {

    /** The vehicle a vehicle pass is for: its plate and its {@code VehicleType} name. */
    record VehicleOnPass(String plate, String type) {
    }

    /** A person's pass. */
    PassContent(String passId, Long applicationId, String applicationReference, long holderAccountId,
            String holderNameKorean, String holderNameLatin, Instant validFrom, Instant validUntil, Long permitId) {
        this(passId, applicationId, applicationReference, holderAccountId, holderNameKorean, holderNameLatin,
                validFrom, validUntil, permitId, null);
    }
}
