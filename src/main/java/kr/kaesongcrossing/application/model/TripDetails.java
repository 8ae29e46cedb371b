package kr.kaesongcrossing.application.model;

import java.time.LocalDate;
import java.util.List;
import kr.kaesongcrossing.schedule.SlotKey;

/**
 * The details an applicant fills in, already cleaned; {@code idNumber} null means "keep the current one". The slots
 * are the ones chosen on the entry date (northbound) and the return date (southbound), null until chosen.
 */
public record TripDetails(String nameKorean, String nameLatin, LocalDate dateOfBirth, String nationality,
        IdDocumentType idDocumentType, String idNumber, String phone, String organisation, Purpose purpose,
        String purposeDetail, LocalDate entryDate, LocalDate returnDate, String vehiclePlate,
        VehicleType vehicleType, List<GoodsLine> goods, SlotKey northboundSlot, SlotKey southboundSlot) {

    /** The same details with the ID number {@code idNumber} (e.g. the traveller profile's). */
    public TripDetails withIdNumber(String idNumber) {
        return new TripDetails(nameKorean, nameLatin, dateOfBirth, nationality, idDocumentType, idNumber, phone,
                organisation, purpose, purposeDetail, entryDate, returnDate, vehiclePlate, vehicleType, goods,
                northboundSlot, southboundSlot);
    }

    @Override
    public String toString() {
        return "TripDetails[entryDate=" + entryDate + ", returnDate=" + returnDate + "]";
    }
}
