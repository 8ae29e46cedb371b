package kr.kaesongcrossing.pass;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Texts a scanner might read, for checking another verifier against {@link PassVerifier}: passes signed by the
 * office's real active key (people's and vehicles'), the same with a changed payload or signature, tokens signed
 * by a key not in the JWKS (under its own kid, under the office's kid, under an unknown kid), and malformed ones
 * (cut, wrong alg, no kid, claims missing or of the wrong shape, not JWS at all).
 */
public final class TokenCorpus {

    private static final String[] KOREAN = {"김민준", "이서연", "박지호", "최하은", "정우진", "강다은", "윤서준", "임수아"};
    private static final String[] LATIN = {"KIM MINJUN", "LEE SEOYEON", "PARK JIHO", "CHOI HAEUN", "JUNG WOOJIN",
        "KANG DAEUN", "YOON SEOJUN", "LIM SUA"};

    private final KeyRing ring;
    private final Random random;
    private final OctetKeyPair rogueOwnKid;
    private final OctetKeyPair rogueOurKid;

    private TokenCorpus(SigningKeys keys, long seed) {
        this.ring = keys.ring();
        this.random = new Random(seed);
        try {
            this.rogueOwnKid = new OctetKeyPairGenerator(Curve.Ed25519).keyID("rogue-" + seed).generate();
            this.rogueOurKid = new OctetKeyPairGenerator(Curve.Ed25519).keyID(ring.activeKid()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code count} texts, the same for the same seed and keys. */
    public static List<String> of(SigningKeys keys, int count, long seed) {
        TokenCorpus corpus = new TokenCorpus(keys, seed);
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add(corpus.next(i));
        }
        return tokens;
    }

    private String next(int i) {
        return switch (i % 20) {
            case 0, 1, 2 -> person();
            case 3 -> vehicle();
            case 4 -> "  " + person() + "\n";
            case 5 -> change(person(), 1);
            case 6 -> change(person(), 2);
            case 7 -> change(person(), 0);
            case 8 -> signed(ring.activeKid(), claims(true, "person"), rogueOurKid);
            case 9 -> signed(rogueOwnKid.getKeyID(), claims(true, null), rogueOwnKid);
            case 10 -> signed("kc-" + Integer.toHexString(random.nextInt()), claims(true, null), rogueOwnKid);
            case 11 -> cut(person());
            case 12 -> signed(ring.activeKid(), claims(false, null), ring.signer());
            case 13 -> signed(ring.activeKid(), "{\"jti\":\"not a pass id!\",\"nbf\":1,\"exp\":2}", ring.signer());
            case 14 -> signed(ring.activeKid(), claims(true, random.nextBoolean() ? "truck" : "person"),
                    ring.signer());
            case 15 -> signed(ring.activeKid(), random.nextBoolean() ? "[1,2,3]" : "not json", ring.signer());
            case 16 -> header("{\"alg\":\"" + (random.nextBoolean() ? "HS256" : "none") + "\",\"kid\":\""
                    + ring.activeKid() + "\"}", person());
            case 17 -> header(random.nextBoolean() ? "{\"alg\":\"EdDSA\"}" : "{not json", person());
            case 18 -> garbage();
            default -> signed(ring.activeKid(), "{\"jti\":\"" + PassTokens.newPassId() + "\",\"nbf\":\"soon\","
                    + "\"exp\":" + Instant.now().getEpochSecond() + "}", ring.signer());
        };
    }

    private String person() {
        int who = random.nextInt(KOREAN.length);
        Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(random.nextInt(40) - 20, ChronoUnit.DAYS);
        return PassTokens.sign(new PassContent(PassTokens.newPassId(), (long) random.nextInt(100000),
                "KC-2026-" + random.nextInt(100000), 1, KOREAN[who], LATIN[who], from,
                from.plus(1 + random.nextInt(30), ChronoUnit.DAYS), null), ring).compact();
    }

    private String vehicle() {
        Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS);
        return PassTokens.sign(new PassContent(PassTokens.newPassId(), 1L, "KC-2026-00001", 1, "", "", from,
                from.plus(3, ChronoUnit.DAYS), null, new PassContent.VehicleOnPass("12가" + (1000 + random.nextInt(8999)),
                        "TRUCK")), ring).compact();
    }

    private String claims(boolean complete, String type) {
        long now = Instant.now().getEpochSecond();
        return "{\"jti\":\"" + PassTokens.newPassId() + "\"" + (complete ? ",\"nbf\":" + (now - 3600) : "")
                + ",\"exp\":" + (now + 86400) + (type == null ? "" : ",\"typ\":\"" + type + "\"")
                + ",\"name\":\"TEST\"}";
    }

    private static String signed(String kid, String payload, OctetKeyPair key) {
        try {
            return signed(kid, payload, new Ed25519Signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signed(String kid, String payload, Ed25519Signer signer) {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(kid).build(),
                new Payload(payload.getBytes(StandardCharsets.UTF_8)));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }

    /** One character of the header (0), payload (1) or signature (2) changed to another base64url character. */
    private String change(String token, int part) {
        String[] parts = token.split("\\.");
        char[] chars = parts[part].toCharArray();
        int at = random.nextInt(chars.length - 1); // not the last: its low bits may not count
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char other;
        do {
            other = alphabet.charAt(random.nextInt(alphabet.length()));
        } while (other == chars[at]);
        chars[at] = other;
        parts[part] = new String(chars);
        return String.join(".", parts);
    }

    private String cut(String token) {
        return token.substring(0, 1 + random.nextInt(token.length() - 1));
    }

    private static String header(String json, String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));
    }

    private String garbage() {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "KC-" + random.nextInt();
            case 2 -> "a.b";
            case 3 -> "..";
            case 4 -> "ey.J+.abc";
            default -> "x".repeat(1400) + "." + "y".repeat(100) + ".z";
        };
    }
}
