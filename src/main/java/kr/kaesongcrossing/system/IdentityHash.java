package kr.kaesongcrossing.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A keyed hash (HMAC-SHA256) of an ID document number, so that records of the same person can be matched with an
 * index while the number itself stays sealed ({@link DataCipher} seals with a random IV: equal numbers never look
 * equal there). Without the key the hash cannot be recomputed from a guessed number, unlike a plain SHA-256 of a
 * short number. The key is {@code kc.crypto.id-hash-key} (base64, 32 bytes), separate from the cipher's; in demo
 * mode without one it is generated once into {@code ${kc.data-dir}/id-hash.key}. Changing the key makes old hashes
 * match nothing until they are recomputed (the application module refills missing ones at start-up).
 */
@Component
public class IdentityHash {

    private final SecretKeySpec key;

    @Autowired
    IdentityHash(@Value("${kc.crypto.id-hash-key:}") String configuredKey,
            @Value("${kc.demo.enabled:false}") boolean demoMode, @Value("${kc.data-dir:./data}") Path dataDir) {
        this(DataCipher.resolveKey("kc.crypto.id-hash-key", configuredKey, demoMode, dataDir, "id-hash.key"));
    }

    /** For tests and tools: a hash under the given raw key (at least 256 bits). */
    IdentityHash(byte[] rawKey) {
        if (rawKey.length < 32) {
            throw new IllegalStateException("the ID hash key must be at least 256 bits (32 bytes), got "
                    + rawKey.length);
        }
        this.key = new SecretKeySpec(rawKey, "HmacSHA256");
    }

    /**
     * The hash of an ID document number as 64 hex digits, the same for the number typed with spaces, hyphens or in
     * lower case; null for no number.
     */
    public String of(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        String normal = idNumber.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (normal.isEmpty()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update("kc.id-number.v1:".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ID number hash failed", e);
        }
    }
}
