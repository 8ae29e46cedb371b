package kr.kaesongcrossing.application.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Seals ID numbers on the way into the database and opens them on the way out. */
@Converter
class IdNumberConverter implements AttributeConverter<String, String> {

    private final IdNumberCipher cipher;

    IdNumberConverter(IdNumberCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String plain) {
        return cipher.encrypt(plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher.decrypt(stored);
    }
}
