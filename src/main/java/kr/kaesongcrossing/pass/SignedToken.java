package kr.kaesongcrossing.pass;

/** A compact JWS and the key id that signed it. */
record SignedToken(String kid, String compact) {
}
