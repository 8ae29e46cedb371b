package kr.kaesongcrossing.application.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import kr.kaesongcrossing.schedule.SlotKey;

/** Stores a slot by its text key ({@code N-2026-12-03-0830}). */
@Converter
class SlotKeyConverter implements AttributeConverter<SlotKey, String> {

    @Override
    public String convertToDatabaseColumn(SlotKey key) {
        return key == null ? null : key.toString();
    }

    @Override
    public SlotKey convertToEntityAttribute(String stored) {
        return stored == null ? null : SlotKey.parse(stored).orElseThrow(
                () -> new IllegalStateException("stored slot key is not one: " + stored));
    }
}
