package kr.kaesongcrossing.pass;

/** Why a pass stopped being valid before its end date. */
enum RevocationCause {
    /** An officer revoked it, with a reason for the holder. */
    OFFICER,
    /** An officer issued a replacement; the old pass names it in {@code replaced_by}. */
    REISSUED,
    /** The application's approval was withdrawn. */
    APPLICATION_WITHDRAWN
}
