package kr.kaesongcrossing.application.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import kr.kaesongcrossing.application.photo.PhotoProcessor;

/** The profile's photo, re-encoded like an application's; copied into each application made from the profile. */
@Entity
@Table(name = "traveller_profile_photo")
public class ProfilePhoto {

    @Id
    @Column(name = "profile_id")
    private Long profileId;

    @Lob
    @Column(name = "jpeg", nullable = false, columnDefinition = "MEDIUMBLOB")
    private byte[] jpeg;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected ProfilePhoto() {
    }

    ProfilePhoto(long profileId, PhotoProcessor.Photo photo, Instant now) {
        this.profileId = profileId;
        replace(photo, now);
    }

    void replace(PhotoProcessor.Photo photo, Instant now) {
        this.jpeg = photo.jpeg();
        this.width = photo.width();
        this.height = photo.height();
        this.uploadedAt = now;
    }

    public PhotoProcessor.Photo photo() {
        return new PhotoProcessor.Photo(jpeg, width, height);
    }
}
