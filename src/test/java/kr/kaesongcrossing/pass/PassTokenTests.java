package kr.kaesongcrossing.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import kr.kaesongcrossing.QrScan;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class PassTokenTests extends PassTestSupport {

    @Autowired
    PassVerifier verifier;

    @Test
    void shouldVerifyTheScannedQrOfflineWithTheKeysFromJwksAndRefuseAnyChangedByte() throws Exception {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        String passId = fixtures.approve(fixtures.trip(holder));

        byte[] png = mvc.perform(get("/passes/{id}/qr.png", passId).with(signedIn(holder)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.IMAGE_PNG))
                .andReturn().getResponse().getContentAsByteArray();
        String scanned = QrScan.read(ImageIO.read(new ByteArrayInputStream(png)));
        String jwks = mvc.perform(get("/.well-known/jwks.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        JWKSet keys = JWKSet.parse(jwks);
        JWSObject jws = JWSObject.parse(scanned);
        OctetKeyPair key = (OctetKeyPair) keys.getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(key.isPrivate()).isFalse();
        assertThat(jws.verify(new Ed25519Verifier(key))).isTrue();
        assertThat(jws.getPayload().toJSONObject()).containsEntry("jti", passId);
        assertThat(scanned).isEqualTo(fixtures.token(passId));

        for (int position : List.of(10, scanned.indexOf('.') + 5, scanned.lastIndexOf('.') + 5, scanned.length() - 2)) {
            String tampered = changeOneByte(scanned, position);
            boolean verified;
            try {
                verified = JWSObject.parse(tampered).verify(new Ed25519Verifier(key));
            } catch (Exception e) {
                verified = false;
            }
            assertThat(verified).as("changed byte at %d", position).isFalse();
            assertThat(verifier.read(tampered).valid()).as("changed byte at %d", position).isFalse();
        }
    }

    @Test
    void shouldReadOwnTokensAndNameTheProblemWithOthers() throws Exception {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        String passId = fixtures.approve(fixtures.trip(holder));
        String token = fixtures.token(passId);

        TokenReading reading = verifier.read("  " + token + "\n");
        assertThat(reading.valid()).isTrue();
        assertThat(reading.passId()).isEqualTo(passId);
        assertThat(reading.notBefore()).isBefore(reading.expiresAt());

        String payloadChanged = token.substring(0, token.indexOf('.') + 1)
                + changeOneByte(token.substring(token.indexOf('.') + 1), 3);
        assertThat(verifier.read(payloadChanged).problem()).isEqualTo(TokenProblem.INVALID_SIGNATURE);
        assertThat(verifier.read(payloadChanged).passId()).isNull();
        assertThat(verifier.read("ㅏㅓㅗ한글입력").problem()).isEqualTo(TokenProblem.MALFORMED);
        assertThat(verifier.read(token.toUpperCase()).problem()).isIn(TokenProblem.MALFORMED, TokenProblem.UNKNOWN_KEY);
        assertThat(verifier.read("").problem()).isEqualTo(TokenProblem.MALFORMED);
        assertThat(verifier.read(null).problem()).isEqualTo(TokenProblem.MALFORMED);
        assertThat(verifier.read("a.b").problem()).isEqualTo(TokenProblem.MALFORMED);

        OctetKeyPair stranger = new OctetKeyPairGenerator(Curve.Ed25519).keyID("kc-000000-evil").generate();
        PassContent forged = new PassContent(passId, 1L, "KC-2026-000001", holder.id(), "김민준", "KIM MINJUN",
                Instant.now(), Instant.now().plusSeconds(3600), null);
        String forgedToken = PassTokens.sign(forged, KeyRing.of(stranger, List.of())).compact();
        assertThat(verifier.read(forgedToken).problem()).isEqualTo(TokenProblem.UNKNOWN_KEY);

        String activeKid = JWSObject.parse(token).getHeader().getKeyID();
        OctetKeyPair impostor = new OctetKeyPairGenerator(Curve.Ed25519).keyID(activeKid).generate();
        String impostorToken = PassTokens.sign(forged, KeyRing.of(impostor, List.of())).compact();
        assertThat(verifier.read(impostorToken).problem()).isEqualTo(TokenProblem.INVALID_SIGNATURE);
    }

    @Test
    void shouldFitTheLongestNamesInQrVersion15AtErrorCorrectionM() throws Exception {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        // The longest names the application form accepts: 100 Latin characters, 50 Hangul syllables.
        String latin = "WOLFESCHLEGELSTEINHAUSENBERGERDORFF O'NEILL-".repeat(3).substring(0, 100);
        String korean = "황보남궁제갈선우독고사공서문동방".repeat(4).substring(0, 50);
        String passId = fixtures.approve(fixtures.trip(holder, today, today.plusDays(30), korean, latin));
        String token = fixtures.token(passId);

        byte[] png = mvc.perform(get("/passes/{id}/qr.png", passId).with(signedIn(holder)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int modules = image.getWidth() / QrCodes.MODULE_PIXELS - 2 * QrCodes.QUIET_ZONE;
        int version = (modules - 17) / 4;

        assertThat(image.getWidth() % QrCodes.MODULE_PIXELS).isZero();
        assertThat(version).isEqualTo(QrCodes.version(token)).isLessThanOrEqualTo(15);
        assertThat(QrCodes.encode(token).getECLevel()).isEqualTo(QrCodes.ERROR_CORRECTION);
        assertThat(QrScan.read(image)).isEqualTo(token);
        Map<String, Object> claims = JWSObject.parse(token).getPayload().toJSONObject();
        assertThat(claims.get("name")).isEqualTo(latin.substring(0, 39));
        assertThat(claims.get("name_ko")).isEqualTo(korean.substring(0, 12));
        mvc.perform(get("/passes/{id}", passId).with(signedIn(holder)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(korean)));
    }

    @Test
    void shouldStayWithinVersion15WithTheLongestKeyIdAndReference() throws Exception {
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).keyID("k".repeat(20)).generate();
        Instant far = Instant.parse("2286-11-20T00:00:00Z");
        PassContent longest = new PassContent(PassTokens.newPassId(), 1L, "R".repeat(20), 1, "가".repeat(50),
                "W".repeat(100), far, far, null);

        String token = PassTokens.sign(longest, KeyRing.of(key, List.of())).compact();

        assertThat(QrCodes.version(token)).isLessThanOrEqualTo(15);
    }

    @Test
    void shouldRenderCrispModulesWithAQuietZoneOfFour() throws Exception {
        String token = "eyJraWQiOiJ0ZXN0IiwiYWxnIjoiRWREU0EifQ.eyJqdGkiOiJ4In0.c2lnbmF0dXJl";
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(token)));
        int cell = QrCodes.MODULE_PIXELS;
        int quiet = QrCodes.QUIET_ZONE * cell;

        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                assertThat(rgb).isIn(0x000000, 0xFFFFFF);
                boolean inQuietZone = x < quiet || y < quiet || x >= image.getWidth() - quiet
                        || y >= image.getHeight() - quiet;
                if (inQuietZone) {
                    assertThat(rgb).isEqualTo(0xFFFFFF);
                } else {
                    assertThat(rgb).isEqualTo(image.getRGB(x - x % cell, y - y % cell) & 0xFFFFFF);
                }
            }
        }
        assertThat(image.getRGB(quiet, quiet) & 0xFFFFFF).as("finder pattern corner").isZero();
    }

    @Test
    void shouldPublishOnlyPublicKeysAsAJwkSet() throws Exception {
        String jwks = mvc.perform(get("/.well-known/jwks.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        JWKSet set = JWKSet.parse(jwks);
        assertThat(set.getKeys()).isNotEmpty().allSatisfy(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyID()).isNotBlank();
            assertThat(((OctetKeyPair) key).getCurve()).isEqualTo(Curve.Ed25519);
        });
        assertThat(jwks).doesNotContain("\"d\"");
    }

    private static String changeOneByte(String text, int position) {
        char c = text.charAt(position);
        char replacement = c == 'A' ? 'B' : 'A';
        return text.substring(0, position) + replacement + text.substring(position + 1);
    }
}
