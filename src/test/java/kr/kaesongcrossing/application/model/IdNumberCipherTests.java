package kr.kaesongcrossing.application.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdNumberCipherTests {

    static final byte[] KEY = new byte[32];

    @Test
    void shouldRoundTripAndUseAFreshIvForEveryValue() {
        IdNumberCipher cipher = new IdNumberCipher(KEY);

        String first = cipher.encrypt("M12345678");
        String second = cipher.encrypt("M12345678");

        assertThat(first).startsWith("v1:").doesNotContain("M12345678").isNotEqualTo(second);
        assertThat(cipher.decrypt(first)).isEqualTo("M12345678");
        assertThat(cipher.decrypt(second)).isEqualTo("M12345678");
    }

    @Test
    void shouldDetectTamperingAndWrongKeys() {
        IdNumberCipher cipher = new IdNumberCipher(KEY);
        String sealed = cipher.encrypt("850412-1234567");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new IdNumberCipher(otherKey).decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseKeysThatAreNot256Bits() {
        assertThatThrownBy(() -> new IdNumberCipher(new byte[16])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new IdNumberCipher("", false, Path.of("unused")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kc.crypto.id-number-key");
    }

    @Test
    void shouldGenerateTheDemoKeyOnceAndKeepIt(@TempDir Path dir) throws Exception {
        IdNumberCipher first = new IdNumberCipher("", true, dir);
        String sealed = first.encrypt("M1");
        IdNumberCipher second = new IdNumberCipher(" ", true, dir);

        assertThat(Files.readString(dir.resolve("id-number.key")).strip()).hasSize(44);
        assertThat(second.decrypt(sealed)).isEqualTo("M1");
    }

    @Test
    void shouldMaskAllButTheFirstTwoCharacters() {
        assertThat(IdNumberCipher.mask("M12345678")).isEqualTo("M1*******");
        assertThat(IdNumberCipher.mask("AB12")).isEqualTo("****");
        assertThat(IdNumberCipher.mask(null)).isEmpty();
    }
}
