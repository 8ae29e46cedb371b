package kr.kaesongcrossing.checkpoint.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** The planned dates of an approved trip, kept for the roster's planned return and overstay flag. */
@Entity
@Table(name = "checkpoint_trip")
class CheckpointTrip {

    @Id
    @Column(name = "application_id")
    private Long applicationId;

    private String reference;

    @Column(name = "entry_date")
    private LocalDate entryDate;

    @Column(name = "return_date")
    private LocalDate returnDate;

    protected CheckpointTrip() {
    }

    CheckpointTrip(long applicationId, String reference, LocalDate entryDate, LocalDate returnDate) {
        this.applicationId = applicationId;
        this.reference = reference;
        this.entryDate = entryDate;
        this.returnDate = returnDate;
    }
}
