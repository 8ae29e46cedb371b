package kr.kaesongcrossing.application.photo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** The traveller's photo (re-encoded JPEG), one per application, stored in the database. */
@Entity
@Table(name = "application_photo")
public class ApplicationPhoto {

    @Id
    @Column(name = "application_id")
    private Long applicationId;

    @Lob
    @Column(name = "jpeg", nullable = false, columnDefinition = "MEDIUMBLOB")
    private byte[] jpeg;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected ApplicationPhoto() {
    }

    public ApplicationPhoto(long applicationId, PhotoProcessor.Photo photo, Instant now) {
        this.applicationId = applicationId;
        replace(photo, now);
    }

    public void replace(PhotoProcessor.Photo photo, Instant now) {
        this.jpeg = photo.jpeg();
        this.width = photo.width();
        this.height = photo.height();
        this.uploadedAt = now;
    }

    Long getApplicationId() {
        return applicationId;
    }

    /** The same photo again, e.g. for a crossing booked on a permit from the holder's data on file. */
    public PhotoProcessor.Photo photo() {
        return new PhotoProcessor.Photo(jpeg, width, height);
    }

    public byte[] getJpeg() {
        return jpeg;
    }
}
