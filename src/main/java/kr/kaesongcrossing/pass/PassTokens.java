package kr.kaesongcrossing.pass;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;

/**
 * The pass token format (docs/pass-token.md): a compact JWS, header {@code {"kid":..,"alg":"EdDSA"}}, claims
 * {@code jti} (pass id), {@code nbf}, {@code exp}, {@code ref} (application reference), {@code name} (holder's
 * name in Latin letters as on the ID document) and {@code name_ko} (holder's name in Hangul). Nothing else: the
 * token is public to anyone who sees the QR code, and it must fit a version 15 QR code at error correction M. So
 * names are capped: {@value #MAX_NAME_LATIN} characters for the Latin name (the name field of a passport's
 * machine-readable zone, which truncates the same way) and {@value #MAX_NAME_KOREAN} for the Hangul name; the pass
 * record keeps the full names. A vehicle pass has {@code typ} {@value #TYPE_VEHICLE} and {@code plate} instead of
 * the names; a person's pass has no {@code typ} (tokens issued before vehicle passes existed have none either;
 * {@value #TYPE_PERSON} is read as a person's too).
 */
final class PassTokens {

    static final String CLAIM_REFERENCE = "ref";
    static final String CLAIM_NAME = "name";
    static final String CLAIM_NAME_KOREAN = "name_ko";
    static final String CLAIM_TYPE = "typ";
    static final String CLAIM_PLATE = "plate";
    static final String TYPE_PERSON = "person";
    static final String TYPE_VEHICLE = "vehicle";
    static final int MAX_NAME_LATIN = 39;
    static final int MAX_NAME_KOREAN = 12;
    /** Longer input is not one of our tokens (ours are at most about 410 characters). */
    static final int MAX_LENGTH = 1500;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PASS_ID_BYTES = 16;

    private PassTokens() {
    }

    /** A fresh pass id: 128 random bits, base64url without padding (22 characters). */
    static String newPassId() {
        byte[] bytes = new byte[PASS_ID_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code text} could be a pass id at all (cheap check before a database lookup). */
    static boolean looksLikePassId(String text) {
        return text != null && !text.isEmpty() && text.length() <= 43 && isBase64Url(text, 0, text.length());
    }

    static SignedToken sign(PassContent pass, KeyRing keys) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .jwtID(pass.passId())
                .notBeforeTime(Date.from(pass.validFrom()))
                .expirationTime(Date.from(pass.validUntil()))
                .claim(CLAIM_REFERENCE, pass.applicationReference());
        if (pass.vehicle() != null) {
            builder.claim(CLAIM_TYPE, TYPE_VEHICLE).claim(CLAIM_PLATE, pass.vehicle().plate());
        } else {
            builder.claim(CLAIM_NAME, cap(pass.holderNameLatin(), MAX_NAME_LATIN))
                    .claim(CLAIM_NAME_KOREAN, cap(pass.holderNameKorean(), MAX_NAME_KOREAN));
        }
        JWTClaimsSet claims = builder.build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(keys.activeKid()).build(),
                claims);
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing a pass failed", e);
        }
        return new SignedToken(keys.activeKid(), jwt.serialize());
    }

    /** Checks format and signature; see {@link PassVerifier#read(String)}. */
    static TokenReading read(String text, Function<String, JWSVerifier> verifiers) {
        if (text == null) {
            return TokenReading.failed(TokenProblem.MALFORMED);
        }
        String compact = text.strip();
        if (compact.length() > MAX_LENGTH || !isCompactJws(compact)) {
            return TokenReading.failed(TokenProblem.MALFORMED);
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException e) {
            return TokenReading.failed(TokenProblem.MALFORMED);
        }
        if (!JWSAlgorithm.EdDSA.equals(jws.getHeader().getAlgorithm()) || jws.getHeader().getKeyID() == null) {
            return TokenReading.failed(TokenProblem.MALFORMED);
        }
        JWSVerifier verifier = verifiers.apply(jws.getHeader().getKeyID());
        if (verifier == null) {
            return TokenReading.failed(TokenProblem.UNKNOWN_KEY);
        }
        try {
            if (!jws.verify(verifier)) {
                return TokenReading.failed(TokenProblem.INVALID_SIGNATURE);
            }
        } catch (JOSEException | IllegalStateException e) {
            return TokenReading.failed(TokenProblem.INVALID_SIGNATURE);
        }
        try {
            Map<String, Object> json = jws.getPayload().toJSONObject();
            if (json == null) {
                return TokenReading.failed(TokenProblem.MALFORMED);
            }
            JWTClaimsSet claims = JWTClaimsSet.parse(json);
            String passId = claims.getJWTID();
            Date notBefore = claims.getNotBeforeTime();
            Date expires = claims.getExpirationTime();
            Object type = claims.getClaim(CLAIM_TYPE);
            if (!looksLikePassId(passId) || notBefore == null || expires == null
                    || (type != null && !TYPE_PERSON.equals(type) && !TYPE_VEHICLE.equals(type))) {
                return TokenReading.failed(TokenProblem.MALFORMED);
            }
            return TokenReading.of(passId, notBefore.toInstant(), expires.toInstant(), TYPE_VEHICLE.equals(type));
        } catch (ParseException e) {
            return TokenReading.failed(TokenProblem.MALFORMED);
        }
    }

    /** The first {@code max} code points of {@code name}, trailing blanks removed. */
    static String cap(String name, int max) {
        if (name.codePointCount(0, name.length()) <= max) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, max)).stripTrailing();
    }

    private static boolean isCompactJws(String text) {
        int first = text.indexOf('.');
        int second = first < 0 ? -1 : text.indexOf('.', first + 1);
        return first > 0 && second > first + 1 && second < text.length() - 1
                && isBase64Url(text, 0, first) && isBase64Url(text, first + 1, second)
                && isBase64Url(text, second + 1, text.length());
    }

    private static boolean isBase64Url(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
