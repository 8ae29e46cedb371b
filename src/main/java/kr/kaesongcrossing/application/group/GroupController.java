package kr.kaesongcrossing.application.group;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.application.apply.ApplicationFormValidator;
import kr.kaesongcrossing.application.vehicle.Vehicle;
import kr.kaesongcrossing.application.vehicle.VehicleRefused;
import kr.kaesongcrossing.application.vehicle.Vehicles;
import kr.kaesongcrossing.application.profile.Profiles;
import kr.kaesongcrossing.application.profile.TravellerProfile;
import kr.kaesongcrossing.organisation.OrganisationRole;
import kr.kaesongcrossing.organisation.Organisations;
import kr.kaesongcrossing.schedule.Slot;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.SlotFullException;
import kr.kaesongcrossing.schedule.SlotListClosedException;
import kr.kaesongcrossing.schedule.SlotUnavailableException;
import kr.kaesongcrossing.schedule.Slots;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.Refusal;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A coordinator's group trips: {@code /groups} (the organisations' groups), {@code /groups/new?organisation=}
 * (choose travellers among the saved profiles, the common trip, exceptions), {@code /groups/{id}} (members and the
 * group's timeline). Who may see what is checked in {@link GroupTrips} and {@link Profiles}.
 */
@Controller
class GroupController {

    private final GroupTrips groups;
    private final GroupFormValidator validator;
    private final Profiles profiles;
    private final Organisations organisations;
    private final Slots slots;
    private final Vehicles vehicles;

    GroupController(GroupTrips groups, GroupFormValidator validator, Profiles profiles, Organisations organisations,
            Slots slots, Vehicles vehicles) {
        this.vehicles = vehicles;
        this.groups = groups;
        this.validator = validator;
        this.profiles = profiles;
        this.organisations = organisations;
        this.slots = slots;
    }

    @InitBinder("form")
    void initBinder(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(TripGroup.MAX_TRAVELLERS * 4);
        binder.setIgnoreInvalidFields(true);
        binder.setAllowedFields("purpose", "purposeDetail", "entryDate", "returnDate", "northboundSlot",
                "southboundSlot", "travellers[*].profileId", "travellers[*].included", "travellers[*].southboundSlot",
                "travellers[*].vehicleId", "goods[*].description", "goods[*].quantity",
                "goods[*].valueKrw", "goods[*].categoryCode", "goods[*].permitNumber", "goods[*].comesBack");
    }

    @GetMapping("/groups")
    String list(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        model.addAttribute("groups", groups.coordinated(user));
        model.addAttribute("coordinated", organisations.membershipsOf(user.id()).stream()
                .filter(m -> m.role() == OrganisationRole.COORDINATOR)
                .flatMap(m -> organisations.names(m.organisationId()).stream()).toList());
        return "group/list";
    }

    @GetMapping("/groups/new")
    String initForm(@RequestParam long organisation, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        List<TravellerProfile> saved = saved(user, organisation);
        model.addAttribute("form", GroupForm.forProfiles(saved.stream().map(TravellerProfile::getId).toList()));
        return formView(user, organisation, saved, model);
    }

    /** {@code action=update} shows the slots of the dates typed so far; {@code submit} files the group. */
    @PostMapping("/groups/new")
    String file(@RequestParam long organisation, @ModelAttribute("form") GroupForm form, BindingResult result,
            @RequestParam(defaultValue = "submit") String action, @AuthenticationPrincipal AccountPrincipal user,
            Model model, RedirectAttributes redirect) {
        List<TravellerProfile> saved = saved(user, organisation);
        if (!"submit".equals(action)) {
            return formView(user, organisation, saved, model);
        }
        useVehicles(form, result, user, organisation);
        GroupPlan plan = validator.check(form, result);
        if (plan == null) {
            return formView(user, organisation, saved, model);
        }
        try {
            long id = groups.file(user, organisation, plan);
            redirect.addFlashAttribute("message", "group.filed");
            return "redirect:/groups/" + id;
        } catch (SlotFullException | SlotListClosedException | SlotUnavailableException e) {
            Refusal refusal = (Refusal) e;
            result.reject("group.error.seats", new Object[] {refusal}, null);
        } catch (PessimisticLockingFailureException e) {
            result.reject("group.error.busy");
        }
        return formView(user, organisation, saved, model);
    }

    @GetMapping("/groups/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        GroupTrips.View view = groups.forCoordinator(user, id);
        model.addAttribute("view", view);
        model.addAttribute("organisation", organisations.names(view.group().getOrganisationId()).orElseThrow());
        return "group/detail";
    }

    /**
     * Each included traveller who drives gets the registered vehicle's plate and type; a vehicle that is not the
     * organisation's, retired, whose operating permit ends before that traveller's return, or chosen for two
     * travellers is the row's error.
     */
    private void useVehicles(GroupForm form, BindingResult result, AccountPrincipal user, long organisation) {
        Set<Long> chosen = new HashSet<>();
        for (int i = 0; i < form.getTravellers().size(); i++) {
            GroupForm.Row row = form.getTravellers().get(i);
            if (row == null) {
                continue;
            }
            row.setVehiclePlate(null);
            row.setVehicleType(null);
            if (!row.isIncluded() || row.getVehicleId() == null) {
                continue;
            }
            String field = "travellers[" + i + "].vehicleId";
            if (!chosen.add(row.getVehicleId())) {
                result.rejectValue(field, "group.error.vehicleTwice");
                continue;
            }
            String earlier = ApplicationFormValidator.clean(row.getSouthboundSlot());
            LocalDate back = earlier == null ? form.getReturnDate()
                    : SlotKey.parse(earlier).map(SlotKey::date).orElse(form.getReturnDate());
            try {
                Vehicle vehicle = vehicles.forTrip(user.id(), row.getVehicleId(), back);
                if (!Long.valueOf(organisation).equals(vehicle.getOrganisationId())) {
                    throw new VehicleRefused("vehicle.error.notYours");
                }
                row.setVehiclePlate(vehicle.getPlate());
                row.setVehicleType(vehicle.getType());
            } catch (VehicleRefused e) {
                result.rejectValue(field, e.getCodes()[0], e.getArguments(), null);
            }
        }
    }

    private List<TravellerProfile> saved(AccountPrincipal user, long organisation) {
        return profiles.organisationRows(user, organisation).stream().filter(r -> r.profile() != null)
                .map(Profiles.MemberRow::profile).toList();
    }

    private String formView(AccountPrincipal user, long organisation, List<TravellerProfile> saved, Model model) {
        GroupForm form = (GroupForm) model.getAttribute("form");
        form.padGoods();
        Map<Long, TravellerProfile> byId = new HashMap<>();
        saved.forEach(p -> byId.put(p.getId(), p));
        model.addAttribute("profilesById", byId);
        model.addAttribute("organisation", organisations.names(organisation).orElseThrow(GroupNotFoundException::new));
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("vehicleChoices", vehicles.choicesFor(user.id()).stream().filter(v -> Long.valueOf(organisation).equals(v.getOrganisationId())).toList());
        model.addAttribute("maxTravellers", TripGroup.MAX_TRAVELLERS);
        model.addAttribute("northSlots", on(form.getEntryDate(), form.getEntryDate(), TravelDirection.NORTHBOUND));
        model.addAttribute("southSlots", on(form.getReturnDate(), form.getReturnDate(), TravelDirection.SOUTHBOUND));
        // an exception's southbound slot: any day of the stay (one returns earlier)
        model.addAttribute("earlierSouthSlots", on(form.getEntryDate(), form.getReturnDate(),
                TravelDirection.SOUTHBOUND));
        return "group/form";
    }

    /** The slots from {@code from} to {@code to} (at most 31 days), none when a date is missing. */
    private List<Slot> on(LocalDate from, LocalDate to, TravelDirection direction) {
        List<Slot> found = new ArrayList<>();
        if (from == null || to == null || to.isBefore(from) || to.isAfter(from.plusDays(31))) {
            return found;
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            slots.on(d, direction).stream().filter(s -> !s.cancelled()).forEach(found::add);
        }
        return found;
    }
}
