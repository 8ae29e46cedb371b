package kr.kaesongcrossing.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals personal data and secrets for storage (ID document numbers, TOTP secrets): AES-256-GCM, a random 96-bit IV
 * per value, stored as {@code v1:} + base64(IV || ciphertext || tag). The purpose ({@code id-number},
 * {@code totp-secret}) is bound in as associated data, so a value copied into another column does not open there.
 * The key is {@code kc.crypto.id-number-key} (base64, 32 bytes; the name is older than its second use); in demo
 * mode without one, a key is generated once and kept in {@code ${kc.data-dir}/id-number.key}.
 */
@Component
public class DataCipher {

    private static final Logger log = LoggerFactory.getLogger(DataCipher.class);
    static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    @Autowired
    DataCipher(@Value("${kc.crypto.id-number-key:}") String configuredKey,
            @Value("${kc.demo.enabled:false}") boolean demoMode, @Value("${kc.data-dir:./data}") Path dataDir) {
        this.key = new SecretKeySpec(resolveKey(configuredKey, demoMode, dataDir), "AES");
    }

    /** For tests and tools: a cipher over the given raw 256-bit key. */
    DataCipher(byte[] rawKey) {
        this.key = new SecretKeySpec(checkLength(rawKey), "AES");
    }

    public String seal(String purpose, String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(purpose));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(purpose + " encryption failed", e);
        }
    }

    /** Whether a stored value was sealed here (rather than written before sealing came to its column). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /**
     * @throws IllegalStateException when the value was not sealed with this key for this purpose (wrong key,
     * another column's value, or tampered)
     */
    public String open(String purpose, String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown " + purpose + " format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            if (in.length <= IV_BYTES) {
                throw new IllegalStateException(purpose + " value too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(aad(purpose));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(purpose + " could not be decrypted", e);
        }
    }

    private static byte[] aad(String purpose) {
        return ("kc." + purpose + ".v1").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] resolveKey(String configured, boolean demoMode, Path dataDir) {
        return checkLength(resolveKey("kc.crypto.id-number-key", configured, demoMode, dataDir, "id-number.key"));
    }

    /**
     * A secret from configuration ({@code property}, base64), required outside demo mode; in demo mode without one,
     * generated once (32 random bytes) into {@code ${kc.data-dir}/fileName}, readable by the owner only.
     */
    static byte[] resolveKey(String property, String configured, boolean demoMode, Path dataDir, String fileName) {
        if (configured != null && !configured.isBlank()) {
            return decodeKey(property, configured.strip());
        }
        if (!demoMode) {
            throw new IllegalStateException(property + " must be set (base64 of 32 random bytes)");
        }
        Path file = dataDir.resolve(fileName);
        try {
            if (Files.exists(file)) {
                return decodeKey(property, Files.readString(file).strip());
            }
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            Files.createDirectories(dataDir);
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file keeps the default permissions
            }
            log.info("Demo mode: generated a new key for {} in {}", property, file.toAbsolutePath());
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static byte[] decodeKey(String property, String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not valid base64");
        }
    }

    private static byte[] checkLength(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalStateException("the ID number key must be 256 bits (32 bytes), got " + raw.length);
        }
        return raw;
    }
}
