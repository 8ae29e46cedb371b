package kr.kaesongcrossing.application.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import kr.kaesongcrossing.application.goods.GoodsCatalogue;
import kr.kaesongcrossing.application.goods.GoodsCategories;
import kr.kaesongcrossing.application.goods.GoodsCategory;
import kr.kaesongcrossing.application.goods.GoodsStatus;
import kr.kaesongcrossing.application.model.GoodsRow;
import kr.kaesongcrossing.application.model.ApplicationSettings;
import kr.kaesongcrossing.application.model.Countries;
import kr.kaesongcrossing.application.model.TripRules;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * Checks an application form. A draft may be incomplete, but what is filled in must be valid; a submission
 * needs every required field, a photo and dates that follow {@link TripRules}.
 */
@Component
public class ApplicationFormValidator {

    static final String REQUIRED = "application.error.required";
    public static final String TOO_LONG = "application.error.tooLong";

    private static final Pattern HANGUL_NAME = Pattern.compile("[\\uAC00-\\uD7A3]+( [\\uAC00-\\uD7A3]+)*");
    private static final Pattern LATIN_NAME = Pattern.compile("[A-Za-z][A-Za-z .'-]*");
    private static final Pattern ID_NUMBER = Pattern.compile("[A-Za-z0-9-]{5,30}");
    private static final Pattern PERMIT_NUMBER = Pattern.compile("[0-9A-Za-z/-]{3,40}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{6,19}");
    public static final Pattern PLATE = Pattern.compile("[0-9A-Za-z\\uAC00-\\uD7A3 -]{2,20}");
    public static final int MAX_QUANTITY = 1_000_000;
    public static final long MAX_VALUE_KRW = 1_000_000_000_000L;

    /** What is already stored for an application being edited. */
    public record Stored(boolean hasPhoto, boolean hasIdNumber) {
        static final Stored NOTHING = new Stored(false, false);
    }

    private final ApplicationSettings settings;
    private final GoodsCategories categories;
    private final Clock clock;

    ApplicationFormValidator(ApplicationSettings settings, GoodsCategories categories, Clock clock) {
        this.settings = settings;
        this.categories = categories;
        this.clock = clock;
    }

    public LocalDate today() {
        return OfficeTime.today(clock);
    }

    void validate(ApplicationForm form, Errors errors, boolean submitting, Stored stored, boolean photoUploaded) {
        personal(errors, form.getNameKorean(), form.getNameLatin(), form.getDateOfBirth(), form.getNationality(),
                form.getIdDocumentType(), form.getIdNumber(), form.getPhone(), submitting,
                submitting && !stored.hasIdNumber());
        text(errors, "organisation", form.getOrganisation(), 100, null, null, false);
        required(errors, "purpose", form.getPurpose(), submitting);
        text(errors, "purposeDetail", form.getPurposeDetail(), 1000, null, null, submitting);
        required(errors, "entryDate", form.getEntryDate(), submitting);
        required(errors, "returnDate", form.getReturnDate(), submitting);

        boolean plate = ApplicationForm.clean(form.getVehiclePlate()) != null;
        text(errors, "vehiclePlate", form.getVehiclePlate(), 20, PLATE, "application.error.vehiclePlate", false);
        if (plate && form.getVehicleType() == null && !errors.hasFieldErrors("vehicleType")) {
            reject(errors, "vehicleType", "application.error.vehicleType.required");
        }
        if (!plate && form.getVehicleType() != null && !errors.hasFieldErrors("vehiclePlate")) {
            reject(errors, "vehiclePlate", "application.error.vehiclePlate.required");
        }

        goods(errors, form.getGoods(), categories.catalogue(), submitting);

        for (TripRules.Violation v : new TripRules(settings).check(form.getDateOfBirth(), form.getEntryDate(),
                form.getReturnDate(), today())) {
            if (!errors.hasFieldErrors(v.field())) {
                errors.rejectValue(v.field(), v.code(), v.args(), null);
            }
        }
        slot(errors, "northboundSlot", form.getNorthboundSlot(), TravelDirection.NORTHBOUND, form.getEntryDate(),
                submitting);
        slot(errors, "southboundSlot", form.getSouthboundSlot(), TravelDirection.SOUTHBOUND, form.getReturnDate(),
                submitting);
        if (submitting && !photoUploaded && !stored.hasPhoto() && !errors.hasFieldErrors("photo")) {
            reject(errors, "photo", "application.error.photo.required");
        }
    }

    /**
     * The personal fields, shared with the traveller profile's form (same field names): what is filled in must be
     * valid; {@code required} asks for every one, {@code idNumberRequired} for the ID number. The date of birth
     * follows {@link TripRules} (checked with the trip's dates by {@link #validate}, alone here when no trip).
     */
    public static void personal(Errors errors, String nameKorean, String nameLatin, LocalDate dateOfBirth,
            String nationalityCode, Object idDocumentType, String idNumber, String phone, boolean required,
            boolean idNumberRequired) {
        text(errors, "nameKorean", nameKorean, 50, HANGUL_NAME, "application.error.nameKorean", required);
        text(errors, "nameLatin", nameLatin, 100, LATIN_NAME, "application.error.nameLatin", required);
        required(errors, "dateOfBirth", dateOfBirth, required);
        String nationality = ApplicationForm.clean(nationalityCode);
        if (nationality == null) {
            required(errors, "nationality", null, required);
        } else if (!Countries.isKnown(nationality)) {
            reject(errors, "nationality", "application.error.nationality");
        }
        required(errors, "idDocumentType", idDocumentType, required);
        text(errors, "idNumber", idNumber, 30, ID_NUMBER, "application.error.idNumber", idNumberRequired);
        text(errors, "phone", phone, 20, PHONE, "application.error.phone", required);
    }

    /** The date-of-birth rule of {@link TripRules} alone, for a profile (no trip dates). */
    public void dateOfBirth(Errors errors, LocalDate dateOfBirth) {
        for (TripRules.Violation v : new TripRules(settings).check(dateOfBirth, null, null, today())) {
            if (!errors.hasFieldErrors(v.field())) {
                errors.rejectValue(v.field(), v.code(), v.args(), null);
            }
        }
    }

    /** Cleans a typed value: spaces collapsed, blank to null. */
    public static String clean(String s) {
        return ApplicationForm.clean(s);
    }

    /** A slot must be one of that direction on the trip's date; whether it has room is the schedule's to say. */
    private static void slot(Errors errors, String field, String value, TravelDirection direction, LocalDate date,
            boolean required) {
        String cleaned = ApplicationForm.clean(value);
        if (cleaned == null) {
            required(errors, field, null, required);
            return;
        }
        SlotKey key = SlotKey.parse(cleaned).orElse(null);
        if (key == null || key.direction() != direction) {
            reject(errors, field, "application.error.slot.invalid");
        } else if (!key.date().equals(date)) {
            reject(errors, field, "application.error.slot.date");
        }
    }

    /**
     * The goods rows of a form (field names {@code goods[i].*}): at most {@link GoodsRow#MAX_ROWS}, each complete, its
     * category one of the list. A submission (not a draft) also needs each line's category and whether it comes back,
     * refuses a prohibited category and needs the permit number of a category that requires one.
     */
    public static void goods(Errors errors, List<GoodsRow> goods, GoodsCatalogue catalogue, boolean submitting) {
        if (goods.size() > GoodsRow.MAX_ROWS) {
            errors.reject("application.error.goods.tooMany", new Object[] {GoodsRow.MAX_ROWS}, null);
        } else {
            for (int i = 0; i < goods.size(); i++) {
                goodsRow(errors, i, goods.get(i), catalogue, submitting);
            }
        }
    }

    private static void goodsRow(Errors errors, int i, GoodsRow row, GoodsCatalogue catalogue, boolean submitting) {
        if (row == null || row.isBlank()) {
            return;
        }
        String prefix = "goods[" + i + "].";
        if (errors.hasFieldErrors(prefix + "quantity") || errors.hasFieldErrors(prefix + "valueKrw")) {
            return;
        }
        String description = ApplicationForm.clean(row.getDescription());
        if (description == null) {
            reject(errors, prefix + "description", REQUIRED);
        } else if (description.length() > 200) {
            errors.rejectValue(prefix + "description", TOO_LONG, new Object[] {200}, null);
        }
        if (row.getQuantity() == null) {
            reject(errors, prefix + "quantity", REQUIRED);
        } else if (row.getQuantity() < 1 || row.getQuantity() > MAX_QUANTITY) {
            errors.rejectValue(prefix + "quantity", "application.error.goods.quantity", new Object[] {MAX_QUANTITY},
                    null);
        }
        if (row.getValueKrw() == null) {
            reject(errors, prefix + "valueKrw", REQUIRED);
        } else if (row.getValueKrw() < 0 || row.getValueKrw() > MAX_VALUE_KRW) {
            errors.rejectValue(prefix + "valueKrw", "application.error.goods.value", null, null);
        }
        String code = ApplicationForm.clean(row.getCategoryCode());
        GoodsCategory category = catalogue.get(code);
        if (code != null && category == null) {
            reject(errors, prefix + "categoryCode", "application.error.goods.category");
        } else if (category == null && submitting) {
            reject(errors, prefix + "categoryCode", REQUIRED);
        } else if (category != null && category.getStatus() == GoodsStatus.PROHIBITED && submitting) {
            errors.rejectValue(prefix + "categoryCode", "application.error.goods.prohibited",
                    new Object[] {category.getBasis()}, null);
        }
        String permit = ApplicationForm.clean(row.getPermitNumber());
        if (permit != null && !PERMIT_NUMBER.matcher(permit).matches()) {
            reject(errors, prefix + "permitNumber", "application.error.goods.permitNumber");
        } else if (permit == null && submitting && category != null
                && category.getStatus() == GoodsStatus.PERMIT_REQUIRED) {
            reject(errors, prefix + "permitNumber", "application.error.goods.permitRequired");
        }
        if (row.getComesBack() == null && submitting) {
            reject(errors, prefix + "comesBack", REQUIRED);
        }
    }

    private static void text(Errors errors, String field, String value, int max, Pattern pattern, String patternCode,
            boolean required) {
        if (errors.hasFieldErrors(field)) {
            return;
        }
        String cleaned = ApplicationForm.clean(value);
        if (cleaned == null) {
            if (required) {
                reject(errors, field, REQUIRED);
            }
            return;
        }
        if (cleaned.length() > max) {
            errors.rejectValue(field, TOO_LONG, new Object[] {max}, null);
        } else if (pattern != null && !pattern.matcher(cleaned).matches()) {
            reject(errors, field, patternCode);
        }
    }

    private static void required(Errors errors, String field, Object value, boolean required) {
        if (required && value == null && !errors.hasFieldErrors(field)) {
            reject(errors, field, REQUIRED);
        }
    }

    private static void reject(Errors errors, String field, String code) {
        errors.rejectValue(field, code);
    }
}
