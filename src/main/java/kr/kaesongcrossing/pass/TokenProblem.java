package kr.kaesongcrossing.pass;

/** Why a scanned text is not a pass token this office signed. */
public enum TokenProblem {
    /** Not a compact JWS with our header and claims (also: scanner typed through the wrong keyboard layout). */
    MALFORMED,
    /** Well-formed, with a known key id, but the Ed25519 signature does not match: altered or forged. */
    INVALID_SIGNATURE,
    /** Well-formed, but signed with a key id this office never published. */
    UNKNOWN_KEY
}
