package kr.kaesongcrossing.pass;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** The holder's JPEG photo, copied from the approved application and kept with the pass. */
@Entity
@Table(name = "pass_photo")
class PassPhoto {

    @Id
    @Column(name = "pass_pk")
    private Long passPk;

    @Lob
    @Column(nullable = false, columnDefinition = "MEDIUMBLOB")
    private byte[] jpeg;

    protected PassPhoto() {
    }

    PassPhoto(long passPk, byte[] jpeg) {
        this.passPk = passPk;
        this.jpeg = jpeg.clone();
    }

    byte[] getJpeg() {
        return jpeg;
    }
}
