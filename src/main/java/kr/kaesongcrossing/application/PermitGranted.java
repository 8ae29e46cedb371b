package kr.kaesongcrossing.application;

import java.time.LocalDate;

/**
 * Published inside the transaction that grants a standing permit: the pass module issues the holder's one
 * long-lived pass for the permit's dates (valid at a gate only with a booked, consented slot).
 *
 * @param holderPhotoJpeg the holder's photo on file (JPEG)
 */
public record PermitGranted(long permitId, String reference, long holderAccountId, String holderNameKorean,
        String holderNameLatin, LocalDate validFrom, LocalDate validUntil, byte[] holderPhotoJpeg) {

    @Override
    public String toString() {
        return "PermitGranted[permitId=" + permitId + ", reference=" + reference + "]";
    }
}
