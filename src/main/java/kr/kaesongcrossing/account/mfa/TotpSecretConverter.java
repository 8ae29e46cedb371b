package kr.kaesongcrossing.account.mfa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import kr.kaesongcrossing.system.DataCipher;

/**
 * Seals TOTP secrets in the column: a copy of the database alone does not give anyone staff codes. Secrets written
 * before sealing came are read as they are until {@link TotpSecretsSealed} seals them at start-up.
 */
@Converter
class TotpSecretConverter implements AttributeConverter<String, String> {

    static final String PURPOSE = "totp-secret";

    private final DataCipher cipher;

    TotpSecretConverter(DataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String secret) {
        return cipher.seal(PURPOSE, secret);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return DataCipher.isSealed(stored) ? cipher.open(PURPOSE, stored) : stored;
    }
}
