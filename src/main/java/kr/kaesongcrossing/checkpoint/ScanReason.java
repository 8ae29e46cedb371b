package kr.kaesongcrossing.checkpoint;

/** Why a scan was refused, in the order {@link ScanRules} checks them. */
enum ScanReason {
    MALFORMED, INVALID_SIGNATURE, UNKNOWN_KEY, NOT_FOUND, REVOKED, NOT_YET_VALID, EXPIRED,
    APPLICATION_NOT_APPROVED, ALREADY_INSIDE, NOT_INSIDE;

    /** Reasons where a pass was found, so a supervisor may override the refusal. */
    boolean passKnown() {
        return ordinal() >= REVOKED.ordinal();
    }
}
