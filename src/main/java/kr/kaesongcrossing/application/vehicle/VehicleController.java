package kr.kaesongcrossing.application.vehicle;

import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.application.model.VehicleType;
import kr.kaesongcrossing.organisation.Organisations;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /vehicles}: the person's own vehicles and their organisations' (read-only for members, changed by the
 * organisation's coordinators): list, register, change, retire. Who may see and change what is in {@link Vehicles}.
 */
@Controller
class VehicleController {

    private static final String LIST = "vehicle/list";
    private static final String FORM = "vehicle/form";
    private static final int MIN_YEAR = 2000;
    private static final int MAX_YEAR = 2099;

    private final Vehicles vehicles;
    private final Organisations organisations;

    VehicleController(Vehicles vehicles, Organisations organisations) {
        this.vehicles = vehicles;
        this.organisations = organisations;
    }

    /** A vehicle as the list shows it: whose it is and whether this person may change it. */
    record Row(Vehicle vehicle, String owner, boolean changeable) {
    }

    @GetMapping("/vehicles")
    String list(@AuthenticationPrincipal AccountPrincipal user, Model model, Locale locale) {
        Map<Long, Organisations.Names> names = organisations.all().stream()
                .collect(Collectors.toMap(Organisations.Names::id, Function.identity()));
        model.addAttribute("rows", vehicles.visibleTo(user.id()).stream()
                .map(v -> new Row(v, v.getOrganisationId() == null ? null
                        : names.get(v.getOrganisationId()).name(locale), vehicles.mayChange(user.id(), v)))
                .toList());
        return LIST;
    }

    @GetMapping("/vehicles/new")
    String create(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        return form(user, VehicleForm.empty(), null, model);
    }

    @PostMapping("/vehicles/new")
    @OnRefusal("/vehicles/new")
    String register(@AuthenticationPrincipal AccountPrincipal user, @Valid @ModelAttribute("form") VehicleForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        checkExpiry(form, errors);
        if (errors.hasErrors()) {
            return form(user, form, null, model);
        }
        vehicles.register(user, form.organisationId(), form.details());
        redirect.addFlashAttribute("message", "vehicle.registered");
        return "redirect:/vehicles";
    }

    @GetMapping("/vehicles/{id}")
    String edit(@AuthenticationPrincipal AccountPrincipal user, @PathVariable long id, Model model) {
        Vehicle vehicle = vehicles.visible(user.id(), id);
        return form(user, VehicleForm.of(vehicle), vehicle, model);
    }

    @PostMapping("/vehicles/{id}")
    @OnRefusal("/vehicles/{id}")
    String update(@AuthenticationPrincipal AccountPrincipal user, @PathVariable long id,
            @Valid @ModelAttribute("form") VehicleForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Vehicle vehicle = vehicles.visible(user.id(), id);
        checkExpiry(form, errors);
        if (errors.hasErrors()) {
            return form(user, form, vehicle, model);
        }
        vehicles.update(user, id, form.details());
        redirect.addFlashAttribute("message", "vehicle.saved");
        return "redirect:/vehicles";
    }

    @PostMapping("/vehicles/{id}/retire")
    @OnRefusal("/vehicles/{id}")
    String retire(@AuthenticationPrincipal AccountPrincipal user, @PathVariable long id,
            RedirectAttributes redirect) {
        vehicles.retire(user, id);
        redirect.addFlashAttribute("message", "vehicle.retiredDone");
        return "redirect:/vehicles";
    }

    /** A permit's end the database can hold and a person may mean: from 2000 to 2099. */
    private static void checkExpiry(VehicleForm form, BindingResult errors) {
        if (form.permitExpires() != null && (form.permitExpires().getYear() < MIN_YEAR
                || form.permitExpires().getYear() > MAX_YEAR)) {
            errors.rejectValue("permitExpires", "vehicle.error.permitExpiresRange");
        }
    }

    private String form(AccountPrincipal user, VehicleForm form, Vehicle vehicle, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("vehicle", vehicle);
        model.addAttribute("changeable", vehicle == null || (!vehicle.retired() && vehicles.mayChange(user.id(),
                vehicle)));
        model.addAttribute("owners", vehicles.coordinated(user.id()));
        model.addAttribute("vehicleTypes", Arrays.asList(VehicleType.values()));
        return FORM;
    }
}
