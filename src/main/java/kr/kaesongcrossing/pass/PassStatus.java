package kr.kaesongcrossing.pass;

/** What the holder sees: revoked wins over expired. */
enum PassStatus {
    NOT_YET_VALID, ACTIVE, EXPIRED, REVOKED
}
