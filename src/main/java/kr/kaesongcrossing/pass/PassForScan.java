package kr.kaesongcrossing.pass;

public record PassForScan(String passId, long applicationId, long holderAccountId, boolean revoked,
        String revocationReason, java.time.Instant validFrom, java.time.Instant validUntil,
        String holderNameKorean, String holderNameLatin) {
}
