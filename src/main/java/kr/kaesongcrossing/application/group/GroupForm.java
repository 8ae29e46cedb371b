package kr.kaesongcrossing.application.group;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.kaesongcrossing.application.model.GoodsRow;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.application.model.VehicleType;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a coordinator fills in for a group trip: the common purpose, dates and slots, and one row per saved profile
 * of the organisation (included or not, and its exceptions: an earlier southbound slot, a vehicle).
 */
public class GroupForm {

    /** One traveller row; {@code southboundSlot} blank = the group's. */
    public static class Row {
        private Long profileId;
        private boolean included;
        private String southboundSlot;
        private String vehiclePlate;
        private VehicleType vehicleType;
        /** The organisation's registered vehicle this traveller drives; its plate and type fill the two above. */
        private Long vehicleId;

        public Row() {
        }

        Row(long profileId) {
            this.profileId = profileId;
        }

        public Long getProfileId() {
            return profileId;
        }

        public void setProfileId(Long profileId) {
            this.profileId = profileId;
        }

        public boolean isIncluded() {
            return included;
        }

        public void setIncluded(boolean included) {
            this.included = included;
        }

        public String getSouthboundSlot() {
            return southboundSlot;
        }

        public void setSouthboundSlot(String southboundSlot) {
            this.southboundSlot = southboundSlot;
        }

        public String getVehiclePlate() {
            return vehiclePlate;
        }

        public void setVehiclePlate(String vehiclePlate) {
            this.vehiclePlate = vehiclePlate;
        }

        public VehicleType getVehicleType() {
            return vehicleType;
        }

        public Long getVehicleId() {
            return vehicleId;
        }

        public void setVehicleId(Long vehicleId) {
            this.vehicleId = vehicleId;
        }

        public void setVehicleType(VehicleType vehicleType) {
            this.vehicleType = vehicleType;
        }
    }

    static final int GOODS_ROWS = 3;

    private Purpose purpose;
    private String purposeDetail;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate entryDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate returnDate;
    private String northboundSlot;
    private String southboundSlot;
    private List<Row> travellers = new ArrayList<>();
    private List<GoodsRow> goods = new ArrayList<>();

    /** A blank form with a row for each of these profiles. */
    static GroupForm forProfiles(List<Long> profileIds) {
        GroupForm form = new GroupForm();
        profileIds.forEach(id -> form.travellers.add(new Row(id)));
        form.padGoods();
        return form;
    }

    /** Blank goods rows up to {@link #GOODS_ROWS}, for the page. */
    void padGoods() {
        while (goods.size() < GOODS_ROWS) {
            goods.add(new GoodsRow());
        }
        for (int i = 0; i < goods.size(); i++) {
            if (goods.get(i) == null) {
                goods.set(i, new GoodsRow());
            }
        }
    }

    List<Row> included() {
        return travellers.stream().filter(r -> r != null && r.included && r.profileId != null).toList();
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public void setPurpose(Purpose purpose) {
        this.purpose = purpose;
    }

    public String getPurposeDetail() {
        return purposeDetail;
    }

    public void setPurposeDetail(String purposeDetail) {
        this.purposeDetail = purposeDetail;
    }

    public LocalDate getEntryDate() {
        return entryDate;
    }

    public void setEntryDate(LocalDate entryDate) {
        this.entryDate = entryDate;
    }

    public LocalDate getReturnDate() {
        return returnDate;
    }

    public void setReturnDate(LocalDate returnDate) {
        this.returnDate = returnDate;
    }

    public String getNorthboundSlot() {
        return northboundSlot;
    }

    public void setNorthboundSlot(String northboundSlot) {
        this.northboundSlot = northboundSlot;
    }

    public String getSouthboundSlot() {
        return southboundSlot;
    }

    public void setSouthboundSlot(String southboundSlot) {
        this.southboundSlot = southboundSlot;
    }

    public List<GoodsRow> getGoods() {
        return goods;
    }

    public void setGoods(List<GoodsRow> goods) {
        this.goods = goods;
    }

    public List<Row> getTravellers() {
        return travellers;
    }

    public void setTravellers(List<Row> travellers) {
        this.travellers = travellers;
    }
}
