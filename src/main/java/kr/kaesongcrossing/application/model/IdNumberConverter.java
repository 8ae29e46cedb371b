package kr.kaesongcrossing.application.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import kr.kaesongcrossing.system.DataCipher;

/** Seals ID numbers on the way into the database and opens them on the way out. */
@Converter
public class IdNumberConverter implements AttributeConverter<String, String> {

    static final String PURPOSE = "id-number";

    private final DataCipher cipher;

    public IdNumberConverter(DataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String plain) {
        return cipher.seal(PURPOSE, plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher.open(PURPOSE, stored);
    }
}
