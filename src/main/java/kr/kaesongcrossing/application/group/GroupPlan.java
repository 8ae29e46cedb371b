package kr.kaesongcrossing.application.group;

import java.time.LocalDate;
import java.util.List;
import kr.kaesongcrossing.application.model.GoodsLine;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.application.model.VehicleType;
import kr.kaesongcrossing.schedule.SlotKey;

/**
 * A checked group form: the common trip, the group's goods (declared under the first traveller, who carries them)
 * and each traveller with their exceptions (null = the group's).
 */
public record GroupPlan(Purpose purpose, String purposeDetail, LocalDate entryDate, LocalDate returnDate,
        SlotKey northboundSlot, SlotKey southboundSlot, List<GoodsLine> goods, List<Traveller> travellers) {

    /**
     * A traveller of the group: a saved profile, with an earlier southbound slot or a vehicle they drive as
     * exceptions ({@code vehicleId} the registered vehicle, plate and type its snapshot).
     */
    public record Traveller(long profileId, SlotKey southboundSlot, String vehiclePlate, VehicleType vehicleType,
            Long vehicleId) {
    }
}
