package kr.kaesongcrossing.application.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.kaesongcrossing.application.model.GoodsLine;
import kr.kaesongcrossing.application.model.GoodsRow;
import kr.kaesongcrossing.application.model.PersonalFields;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.application.model.TripDetails;
import kr.kaesongcrossing.application.model.VehicleType;
import kr.kaesongcrossing.application.vehicle.Vehicle;
import kr.kaesongcrossing.application.profile.TravellerProfile;
import kr.kaesongcrossing.schedule.SlotKey;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/** What the applicant types in (and the photo file); checked by {@link ApplicationFormValidator}. */
class ApplicationForm extends PersonalFields {

    static final int GOODS_ROWS = 5;
    static final int MAX_GOODS_ROWS = GoodsRow.MAX_ROWS;

    private String organisation;
    private Purpose purpose;
    private String purposeDetail;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate entryDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate returnDate;
    private String vehiclePlate;
    private VehicleType vehicleType;
    /** The registered vehicle the applicant drives; its plate and type are copied by {@link #useVehicle}. */
    private Long vehicleId;
    private String northboundSlot;
    private String southboundSlot;
    private List<GoodsRow> goods = new ArrayList<>();
    private MultipartFile photo;

    /**
     * A new application from the traveller's profile (personal data; the ID number and photo stay on the server) and,
     * if given, the trip details of an earlier application ({@code previous}: purpose, organisation, vehicle and
     * goods; never its dates or slots).
     */
    static ApplicationForm startFrom(TravellerProfile profile, TravelApplication previous) {
        ApplicationForm form = previous == null ? new ApplicationForm() : of(previous);
        if (previous != null) {
            form.entryDate = null;
            form.returnDate = null;
            form.northboundSlot = null;
            form.southboundSlot = null;
        }
        if (profile != null) {
            form.nameKorean = profile.getNameKorean();
            form.nameLatin = profile.getNameLatin();
            form.dateOfBirth = profile.getDateOfBirth();
            form.nationality = profile.getNationality();
            form.idDocumentType = profile.getIdDocumentType();
            form.phone = profile.getPhone();
        }
        form.padGoodsRows(GOODS_ROWS);
        return form;
    }

    /** The stored details, for editing; the ID number is never sent back to the browser. */
    static ApplicationForm of(TravelApplication a) {
        ApplicationForm form = new ApplicationForm();
        form.nameKorean = a.getNameKorean();
        form.nameLatin = a.getNameLatin();
        form.dateOfBirth = a.getDateOfBirth();
        form.nationality = a.getNationality() == null ? "KOR" : a.getNationality();
        form.idDocumentType = a.getIdDocumentType();
        form.phone = a.getPhone();
        form.organisation = a.getOrganisation();
        form.purpose = a.getPurpose();
        form.purposeDetail = a.getPurposeDetail();
        form.entryDate = a.getEntryDate();
        form.returnDate = a.getReturnDate();
        form.vehiclePlate = a.getVehiclePlate();
        form.vehicleType = a.getVehicleType();
        form.vehicleId = a.getVehicleId();
        form.northboundSlot = a.getNorthboundSlot() == null ? null : a.getNorthboundSlot().toString();
        form.southboundSlot = a.getSouthboundSlot() == null ? null : a.getSouthboundSlot().toString();
        for (GoodsLine line : a.getGoods()) {
            form.goods.add(GoodsRow.of(line));
        }
        form.padGoodsRows(GOODS_ROWS);
        return form;
    }

    /** Adds blank rows until there are at least {@code rows} (at most {@link #MAX_GOODS_ROWS}). */
    void padGoodsRows(int rows) {
        while (goods.size() > MAX_GOODS_ROWS) {
            goods.remove(goods.size() - 1);
        }
        while (goods.size() < Math.min(rows, MAX_GOODS_ROWS)) {
            goods.add(new GoodsRow());
        }
        for (int i = 0; i < goods.size(); i++) {
            if (goods.get(i) == null) {
                goods.set(i, new GoodsRow());
            }
        }
    }

    /** The details to store, cleaned up; call only after validation passed. */
    TripDetails toDetails() {
        return new TripDetails(clean(nameKorean), upper(nameLatin), dateOfBirth, clean(nationality),
                idDocumentType, upper(idNumber), clean(phone), clean(organisation), purpose, clean(purposeDetail),
                entryDate, returnDate, upper(vehiclePlate), vehicleType, GoodsRow.lines(goods), slot(northboundSlot),
                slot(southboundSlot), vehicleId);
    }

    /** The slot the field names, or null (the validator refused anything else). */
    static SlotKey slot(String field) {
        return SlotKey.parse(clean(field)).orElse(null);
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String stripped = s.strip().replaceAll("\\s+", " ");
        return stripped.isEmpty() ? null : stripped;
    }

    private static String upper(String s) {
        String cleaned = clean(s);
        return cleaned == null ? null : cleaned.toUpperCase(java.util.Locale.ROOT);
    }

    public String getOrganisation() {
        return organisation;
    }

    public void setOrganisation(String organisation) {
        this.organisation = organisation;
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

    public String getVehiclePlate() {
        return vehiclePlate;
    }

    public void setVehiclePlate(String vehiclePlate) {
        this.vehiclePlate = vehiclePlate;
    }

    /** The trip brings this registered vehicle: its plate and type replace what was typed. */
    void useVehicle(Vehicle vehicle) {
        this.vehicleId = vehicle.getId();
        this.vehiclePlate = vehicle.getPlate();
        this.vehicleType = vehicle.getType();
    }

    public Long getVehicleId() {
        return vehicleId;
    }

    public void setVehicleId(Long vehicleId) {
        this.vehicleId = vehicleId;
    }

    public VehicleType getVehicleType() {
        return vehicleType;
    }

    public void setVehicleType(VehicleType vehicleType) {
        this.vehicleType = vehicleType;
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

    public MultipartFile getPhoto() {
        return photo;
    }

    public void setPhoto(MultipartFile photo) {
        this.photo = photo;
    }
}
