package kr.kaesongcrossing.application.manifest;

import java.time.Instant;
import kr.kaesongcrossing.system.OfficeTime;

/**
 * A recorded version of a slot's manifest; {@code sentAt} once an officer marked it as sent to the North,
 * {@code anonymisedAt} once retention took the personal data out of it.
 */
public record ManifestVersion(int version, Instant createdAt, String createdByName, Manifest manifest, Instant sentAt,
        String sentByName, Instant anonymisedAt) {

    public boolean anonymised() {
        return anonymisedAt != null;
    }

    public boolean sent() {
        return sentAt != null;
    }

    public String createdAtText() {
        return OfficeTime.minutes(createdAt);
    }

    public String sentAtText() {
        return OfficeTime.minutes(sentAt);
    }
}
