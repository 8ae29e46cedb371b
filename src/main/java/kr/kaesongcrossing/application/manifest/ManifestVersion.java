package kr.kaesongcrossing.application.manifest;

import java.time.Instant;
import kr.kaesongcrossing.system.OfficeTime;

/** A recorded version of a slot's manifest; {@code sentAt} once an officer marked it as sent to the North. */
public record ManifestVersion(int version, Instant createdAt, String createdByName, Manifest manifest, Instant sentAt,
        String sentByName) {

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
