package kr.kaesongcrossing.application.vehicle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import kr.kaesongcrossing.application.model.VehicleType;

/**
 * A vehicle registered to an organisation or to a person, reused across trips. Its plate is kept normalised
 * ({@link #normalise}); while it is not retired no other active vehicle has that plate. A retired vehicle cannot be
 * changed or chosen for a trip any more; trips that brought it keep their snapshot of plate and type.
 */
@Entity
@Table(name = "vehicle")
public class Vehicle {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organisation_id")
    private Long organisationId;

    @Column(name = "owner_account_id")
    private Long ownerAccountId;

    @Column(nullable = false, length = 20)
    private String plate;

    @Column(name = "active_plate", length = 20)
    private String activePlate;

    @Enumerated(EnumType.STRING)
    @Column(name = "vehicle_type", nullable = false, length = 20)
    private VehicleType type;

    @Column(nullable = false, length = 100)
    private String make;

    @Column(nullable = false, length = 50)
    private String colour;

    @Column(name = "permit_number", nullable = false, length = 40)
    private String permitNumber;

    @Column(name = "permit_expires", nullable = false)
    private LocalDate permitExpires;

    @Column(name = "registered_by", nullable = false)
    private long registeredBy;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Version
    private long version;

    protected Vehicle() {
    }

    /** What a vehicle is, as its owner enters it (already validated, plate normalised). */
    public record Details(String plate, VehicleType type, String make, String colour, String permitNumber,
            LocalDate permitExpires) {
    }

    static Vehicle ofOrganisation(long organisationId, Details details, long by, Instant now) {
        Vehicle vehicle = new Vehicle(details, by, now);
        vehicle.organisationId = organisationId;
        return vehicle;
    }

    static Vehicle ofPerson(long accountId, Details details, Instant now) {
        Vehicle vehicle = new Vehicle(details, accountId, now);
        vehicle.ownerAccountId = accountId;
        return vehicle;
    }

    private Vehicle(Details details, long by, Instant now) {
        this.registeredBy = by;
        this.registeredAt = now;
        apply(details);
    }

    /** Plates are compared without blanks and hyphens, Latin letters in capitals: "12가 3456" is "12가3456". */
    public static String normalise(String plate) {
        return plate == null ? null : plate.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Changes the details; answers the names of the fields that changed (for the audit trail). */
    List<String> update(Details details) {
        if (retired()) {
            throw new VehicleRefused("vehicle.error.retired");
        }
        List<String> changed = new ArrayList<>();
        if (!plate.equals(details.plate())) {
            changed.add("plate");
        }
        if (type != details.type()) {
            changed.add("type");
        }
        if (!make.equals(details.make())) {
            changed.add("make");
        }
        if (!colour.equals(details.colour())) {
            changed.add("colour");
        }
        if (!permitNumber.equals(details.permitNumber())) {
            changed.add("permitNumber");
        }
        if (!Objects.equals(permitExpires, details.permitExpires())) {
            changed.add("permitExpires");
        }
        apply(details);
        return changed;
    }

    private void apply(Details details) {
        this.plate = details.plate();
        this.activePlate = details.plate();
        this.type = details.type();
        this.make = details.make();
        this.colour = details.colour();
        this.permitNumber = details.permitNumber();
        this.permitExpires = details.permitExpires();
    }

    /** Takes the vehicle out of use: it keeps its history, frees its plate and can no longer be chosen. */
    void retire(Instant now) {
        if (retired()) {
            throw new VehicleRefused("vehicle.error.retired");
        }
        this.retiredAt = now;
        this.activePlate = null;
    }

    public boolean retired() {
        return retiredAt != null;
    }

    /** Whether the operating permit still runs on {@code returnDate} (the last day of the trip). */
    public boolean permitCovers(LocalDate returnDate) {
        return !permitExpires.isBefore(returnDate);
    }

    public Long getId() {
        return id;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public Long getOwnerAccountId() {
        return ownerAccountId;
    }

    public String getPlate() {
        return plate;
    }

    public VehicleType getType() {
        return type;
    }

    public String getMake() {
        return make;
    }

    public String getColour() {
        return colour;
    }

    public String getPermitNumber() {
        return permitNumber;
    }

    public LocalDate getPermitExpires() {
        return permitExpires;
    }

}
