package kr.kaesongcrossing.application.model;

import java.time.LocalDate;
import java.util.List;
import kr.kaesongcrossing.schedule.SlotKey;

/**
 * The details an applicant fills in, already cleaned; {@code idNumber} null means "keep the current one". The slots
 * are the ones chosen on the entry date (northbound) and the return date (southbound), null until chosen.
 * {@code vehicleId}: the registered vehicle the applicant drives on the trip (plate and type are its snapshot), or
 * null (no vehicle, or a free-text plate from before the registry).
 */
public record TripDetails(String nameKorean, String nameLatin, LocalDate dateOfBirth, String nationality,
        IdDocumentType idDocumentType, String idNumber, String phone, String organisation, Purpose purpose,
        String purposeDetail, LocalDate entryDate, LocalDate returnDate, String vehiclePlate,
        VehicleType vehicleType, List<GoodsLine> goods, SlotKey northboundSlot, SlotKey southboundSlot,
        Long vehicleId) {

    /** Details without a registered vehicle (a free-text plate, or none). */
    public TripDetails(String nameKorean, String nameLatin, LocalDate dateOfBirth, String nationality,
            IdDocumentType idDocumentType, String idNumber, String phone, String organisation, Purpose purpose,
            String purposeDetail, LocalDate entryDate, LocalDate returnDate, String vehiclePlate,
            VehicleType vehicleType, List<GoodsLine> goods, SlotKey northboundSlot, SlotKey southboundSlot) {
        this(nameKorean, nameLatin, dateOfBirth, nationality, idDocumentType, idNumber, phone, organisation, purpose,
                purposeDetail, entryDate, returnDate, vehiclePlate, vehicleType, goods, northboundSlot,
                southboundSlot, null);
    }

    /** The same details with the ID number {@code idNumber} (e.g. the traveller profile's). */
    public TripDetails withIdNumber(String idNumber) {
        return new TripDetails(nameKorean, nameLatin, dateOfBirth, nationality, idDocumentType, idNumber, phone,
                organisation, purpose, purposeDetail, entryDate, returnDate, vehiclePlate, vehicleType, goods,
                northboundSlot, southboundSlot, vehicleId);
    }

    /** The same details bringing the registered vehicle {@code id}, with its plate and type as the trip's snapshot. */
    public TripDetails withVehicle(long id, String plate, VehicleType type) {
        return new TripDetails(nameKorean, nameLatin, dateOfBirth, nationality, idDocumentType, idNumber, phone,
                organisation, purpose, purposeDetail, entryDate, returnDate, plate, type, goods, northboundSlot,
                southboundSlot, id);
    }

    @Override
    public String toString() {
        return "TripDetails[entryDate=" + entryDate + ", returnDate=" + returnDate + "]";
    }
}
