package kr.kaesongcrossing.pass;

/** A pass as the checkpoint needs it to decide, read under a row lock by {@link PassVerifier#lockForScan}. */
public record PassForScan(String passId, long applicationId, long holderAccountId, boolean revoked,
        String revocationReason, java.time.Instant validFrom, java.time.Instant validUntil,
        String holderNameKorean, String holderNameLatin) {
}
