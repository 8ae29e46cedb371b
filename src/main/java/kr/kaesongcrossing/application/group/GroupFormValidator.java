package kr.kaesongcrossing.application.group;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.kaesongcrossing.application.apply.ApplicationFormValidator;
import kr.kaesongcrossing.application.goods.GoodsCategories;
import kr.kaesongcrossing.application.model.ApplicationSettings;
import kr.kaesongcrossing.application.model.GoodsRow;
import kr.kaesongcrossing.application.model.TripRules;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * Checks a group form with the application's rules (dates by {@link TripRules}, slots on the trip's dates) and the
 * group's own: goods lines as on a submitted application; 1 to {@link TripGroup#MAX_TRAVELLERS} travellers; an exception's southbound slot between the entry
 * and the group's return; a vehicle with its plate and type.
 */
@Component
class GroupFormValidator {

    private static final String REQUIRED = "application.error.required";

    private final ApplicationSettings settings;
    private final GoodsCategories categories;
    private final Clock clock;

    GroupFormValidator(ApplicationSettings settings, GoodsCategories categories, Clock clock) {
        this.settings = settings;
        this.categories = categories;
        this.clock = clock;
    }

    /** The plan, or null when {@code errors} got something. */
    GroupPlan check(GroupForm form, Errors errors) {
        if (form.getPurpose() == null) {
            errors.rejectValue("purpose", REQUIRED);
        }
        String detail = ApplicationFormValidator.clean(form.getPurposeDetail());
        if (detail == null) {
            errors.rejectValue("purposeDetail", REQUIRED);
        } else if (detail.length() > 1000) {
            errors.rejectValue("purposeDetail", ApplicationFormValidator.TOO_LONG, new Object[] {1000}, null);
        }
        if (form.getEntryDate() == null) {
            errors.rejectValue("entryDate", REQUIRED);
        }
        if (form.getReturnDate() == null) {
            errors.rejectValue("returnDate", REQUIRED);
        }
        for (TripRules.Violation v : new TripRules(settings).check(null, form.getEntryDate(), form.getReturnDate(),
                OfficeTime.today(clock))) {
            if (!errors.hasFieldErrors(v.field())) {
                errors.rejectValue(v.field(), v.code(), v.args(), null);
            }
        }
        SlotKey north = slot(errors, "northboundSlot", form.getNorthboundSlot(), TravelDirection.NORTHBOUND,
                form.getEntryDate(), form.getEntryDate());
        SlotKey south = slot(errors, "southboundSlot", form.getSouthboundSlot(), TravelDirection.SOUTHBOUND,
                form.getReturnDate(), form.getReturnDate());

        // a group is filed (submitted) at once, so its goods follow the submission's rules
        ApplicationFormValidator.goods(errors, form.getGoods(), categories.catalogue(), true);

        List<GroupForm.Row> rows = form.getTravellers();
        List<GroupPlan.Traveller> travellers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            GroupForm.Row row = rows.get(i);
            if (row == null || !row.isIncluded() || row.getProfileId() == null) {
                continue;
            }
            String prefix = "travellers[" + i + "].";
            SlotKey own = ApplicationFormValidator.clean(row.getSouthboundSlot()) == null ? null
                    : slot(errors, prefix + "southboundSlot", row.getSouthboundSlot(), TravelDirection.SOUTHBOUND,
                            form.getEntryDate(), form.getReturnDate());
            String plate = ApplicationFormValidator.clean(row.getVehiclePlate());
            if (plate != null && !ApplicationFormValidator.PLATE.matcher(plate).matches()) {
                errors.rejectValue(prefix + "vehiclePlate", "application.error.vehiclePlate");
            } else if (plate != null && row.getVehicleType() == null) {
                errors.rejectValue(prefix + "vehicleType", "application.error.vehicleType.required");
            } else if (plate == null && row.getVehicleType() != null) {
                errors.rejectValue(prefix + "vehiclePlate", "application.error.vehiclePlate.required");
            }
            travellers.add(new GroupPlan.Traveller(row.getProfileId(), own,
                    plate == null ? null : plate.toUpperCase(Locale.ROOT), plate == null ? null : row.getVehicleType(),
                    plate == null ? null : row.getVehicleId()));
        }
        if (travellers.isEmpty()) {
            errors.reject("group.error.noTravellers");
        } else if (travellers.size() > TripGroup.MAX_TRAVELLERS) {
            errors.reject("group.error.tooMany", new Object[] {TripGroup.MAX_TRAVELLERS}, null);
        }
        return errors.hasErrors() ? null : new GroupPlan(form.getPurpose(), detail, form.getEntryDate(),
                form.getReturnDate(), north, south, GoodsRow.lines(form.getGoods()), travellers);
    }

    /** A slot of that direction on a date from {@code from} to {@code to}; null (and an error) otherwise. */
    private static SlotKey slot(Errors errors, String field, String value, TravelDirection direction, LocalDate from,
            LocalDate to) {
        String cleaned = ApplicationFormValidator.clean(value);
        if (cleaned == null) {
            errors.rejectValue(field, REQUIRED);
            return null;
        }
        SlotKey key = SlotKey.parse(cleaned).orElse(null);
        if (key == null || key.direction() != direction) {
            errors.rejectValue(field, "application.error.slot.invalid");
            return null;
        }
        if (from == null || to == null || key.date().isBefore(from) || key.date().isAfter(to)) {
            errors.rejectValue(field, "application.error.slot.date");
            return null;
        }
        return key;
    }
}
