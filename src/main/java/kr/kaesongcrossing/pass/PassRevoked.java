package kr.kaesongcrossing.pass;

/** Published in the revoking transaction; {@code reason} is the text shown to the holder (may be empty). */
public record PassRevoked(String passId, String reason) {
}
