package kr.kaesongcrossing.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCipherTests {

    static final byte[] KEY = new byte[32];

    @Test
    void shouldRoundTripAndUseAFreshIvForEveryValue() {
        DataCipher cipher = new DataCipher(KEY);

        String first = cipher.seal("id-number", "M12345678");
        String second = cipher.seal("id-number", "M12345678");

        assertThat(first).startsWith("v1:").doesNotContain("M12345678").isNotEqualTo(second);
        assertThat(cipher.open("id-number", first)).isEqualTo("M12345678");
        assertThat(cipher.open("id-number", second)).isEqualTo("M12345678");
    }

    @Test
    void shouldDetectTamperingAndWrongKeys() {
        DataCipher cipher = new DataCipher(KEY);
        String sealed = cipher.seal("id-number", "850412-1234567");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;

        assertThatThrownBy(() -> cipher.open("id-number", tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new DataCipher(otherKey).open("id-number", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldNotOpenAValueSealedForAnotherPurpose() {
        DataCipher cipher = new DataCipher(KEY);
        String sealed = cipher.seal("totp-secret", "JBSWY3DPEHPK3PXP");

        assertThat(cipher.open("totp-secret", sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThatThrownBy(() -> cipher.open("id-number", sealed)).isInstanceOf(IllegalStateException.class);
        assertThat(DataCipher.isSealed(sealed)).isTrue();
        assertThat(DataCipher.isSealed("JBSWY3DPEHPK3PXP")).isFalse();
    }

    @Test
    void shouldRefuseKeysThatAreNot256Bits() {
        assertThatThrownBy(() -> new DataCipher(new byte[16])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new DataCipher("", false, Path.of("unused")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kc.crypto.id-number-key");
    }

    @Test
    void shouldGenerateTheDemoKeyOnceAndKeepIt(@TempDir Path dir) throws Exception {
        DataCipher first = new DataCipher("", true, dir);
        String sealed = first.seal("id-number", "M1");
        DataCipher second = new DataCipher(" ", true, dir);

        assertThat(Files.readString(dir.resolve("id-number.key")).strip()).hasSize(44);
        assertThat(second.open("id-number", sealed)).isEqualTo("M1");
    }
}
