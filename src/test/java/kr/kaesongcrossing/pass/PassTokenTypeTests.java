package kr.kaesongcrossing.pass;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code typ} claim: a vehicle pass says so; a person's pass, old or new, does not (or says "person"). */
class PassTokenTypeTests {

    private static final Instant FROM = Instant.parse("2026-11-09T15:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-11-12T15:00:00Z");

    private final OctetKeyPair key;

    PassTokenTypeTests() throws Exception {
        key = new OctetKeyPairGenerator(Curve.Ed25519).keyID("kc-test").generate();
    }

    private TokenReading read(String token) {
        return PassTokens.read(token, kid -> {
            try {
                return kid.equals("kc-test") ? new Ed25519Verifier(key.toPublicJWK()) : null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String signed(String typ) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().jwtID(PassTokens.newPassId())
                .notBeforeTime(Date.from(FROM)).expirationTime(Date.from(UNTIL)).claim("ref", "KC-2026-000001")
                .claim("name", "KIM MINJUN").claim("name_ko", "김민준");
        if (typ != null) {
            claims.claim("typ", typ);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("kc-test").build(),
                claims.build());
        jwt.sign(new Ed25519Signer(key));
        return jwt.serialize();
    }

    @Test
    void shouldSignTheVehiclePassWithItsPlateInsteadOfNames() {
        PassContent vehicle = new PassContent(PassTokens.newPassId(), 1L, "KC-2026-000001", 9, "김민준", "KIM MINJUN",
                FROM, UNTIL, null, new PassContent.VehicleOnPass("12가3456", "VAN"));
        String token = PassTokens.sign(vehicle, KeyRing.of(key, List.of())).compact();

        TokenReading reading = read(token);
        assertThat(reading.valid()).isTrue();
        assertThat(reading.vehicle()).isTrue();
        assertThat(reading.passId()).isEqualTo(vehicle.passId());
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"typ\":\"vehicle\"", "\"plate\":\"12가3456\"").doesNotContain("name");
    }

    @Test
    void shouldKeepPersonPassesWithoutTypValidAndRefuseAnUnknownTyp() throws Exception {
        PassContent person = new PassContent(PassTokens.newPassId(), 1L, "KC-2026-000001", 9, "김민준", "KIM MINJUN",
                FROM, UNTIL, null);
        TokenReading issued = read(PassTokens.sign(person, KeyRing.of(key, List.of())).compact());
        assertThat(issued.valid()).isTrue();
        assertThat(issued.vehicle()).isFalse();

        assertThat(read(signed(null)).vehicle()).isFalse(); // as issued before vehicle passes
        assertThat(read(signed("person")).valid()).isTrue();
        assertThat(read(signed("person")).vehicle()).isFalse();
        assertThat(read(signed("container")).problem()).isEqualTo(TokenProblem.MALFORMED);
    }
}
