package kr.kaesongcrossing.application.apply;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.application.model.Action;
import kr.kaesongcrossing.application.model.ApplicationMessages;
import kr.kaesongcrossing.application.model.ApplicationNotFoundException;
import kr.kaesongcrossing.application.model.ApplicationSettings;
import kr.kaesongcrossing.application.model.ApplicationView;
import kr.kaesongcrossing.application.model.Countries;
import kr.kaesongcrossing.application.model.IdDocumentType;
import kr.kaesongcrossing.application.model.IllegalTransitionException;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.application.model.VehicleType;
import kr.kaesongcrossing.application.vehicle.VehicleRefused;
import kr.kaesongcrossing.application.vehicle.Vehicles;
import kr.kaesongcrossing.application.photo.PhotoProcessor;
import kr.kaesongcrossing.schedule.SlotFullException;
import kr.kaesongcrossing.schedule.SlotListClosedException;
import kr.kaesongcrossing.schedule.SlotUnavailableException;
import kr.kaesongcrossing.system.OnRefusal;
import kr.kaesongcrossing.system.Refusal;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The applicant's pages under {@code /applications}. Every id is looked up together with the signed-in
 * applicant, so someone else's application answers 404, exactly like one that does not exist.
 */
@Controller
class ApplicationController {

    private static final String LIST = "application/list";
    private static final String FORM = "application/form";
    private static final String DETAIL = "application/detail";
    private static final String WITHDRAW = "application/withdraw";
    private static final String SLOTS = "application/slots :: choices";
    private static final int MAX_WITHDRAW_REASON = 500;

    private final ApplicationService service;
    private final ApplicationFormValidator validator;
    private final ApplicationSettings settings;
    private final ApplicationMessages messages;
    private final SlotPicker picker;
    private final PhotoProcessor photos;
    private final Vehicles vehicles;

    ApplicationController(ApplicationService service, ApplicationFormValidator validator,
            ApplicationSettings settings, ApplicationMessages messages, SlotPicker picker, Vehicles vehicles) {
        this.vehicles = vehicles;
        this.service = service;
        this.validator = validator;
        this.settings = settings;
        this.messages = messages;
        this.picker = picker;
        this.photos = new PhotoProcessor(settings.maxPhotoSize().toBytes());
    }

    @InitBinder("form")
    void initBinder(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(ApplicationForm.MAX_GOODS_ROWS);
        binder.setIgnoreInvalidFields(true);
        binder.setAllowedFields("nameKorean", "nameLatin", "dateOfBirth", "nationality", "idDocumentType",
                "idNumber", "phone", "organisation", "purpose", "purposeDetail", "entryDate", "returnDate",
                "vehiclePlate", "vehicleType", "vehicleId", "northboundSlot", "southboundSlot", "goods[*].description", "goods[*].quantity", "goods[*].valueKrw",
                "goods[*].categoryCode", "goods[*].permitNumber", "goods[*].comesBack",
                "photo");
    }

    @GetMapping("/applications")
    String list(@AuthenticationPrincipal AccountPrincipal user, @RequestParam(defaultValue = "1") int page,
            Model model) {
        model.addAttribute("page", service.list(user.id(), page - 1));
        return LIST;
    }

    /** A new application from the profile; {@code from}: an earlier application whose trip details to copy. */
    @GetMapping("/applications/new")
    String initCreationForm(@RequestParam(required = false) Long from, @AuthenticationPrincipal AccountPrincipal user,
            Model model, Locale locale) {
        model.addAttribute("form", service.startForm(user.id(), from));
        model.addAttribute("fromProfile", service.fromProfile(user.id()).hasIdNumber());
        return formView(user, model, null, locale);
    }

    @PostMapping("/applications/new")
    String processCreationForm(@ModelAttribute("form") ApplicationForm form, BindingResult result,
            @RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal AccountPrincipal user,
            Model model, RedirectAttributes redirect, Locale locale) {
        ApplicationFormValidator.Stored profile = service.fromProfile(user.id());
        model.addAttribute("fromProfile", profile.hasIdNumber());
        if ("more".equals(action)) {
            form.padGoodsRows(form.getGoods().size() + ApplicationForm.GOODS_ROWS);
            return formView(user, model, null, locale);
        }
        boolean submit = "submit".equals(action);
        PhotoProcessor.Photo photo = photos.upload(form.getPhoto(), result);
        useVehicle(form, user, result);
        validator.validate(form, result, submit, profile, photo != null);
        if (result.hasErrors()) {
            return formAgain(user, form, model, null, locale);
        }
        long id;
        try {
            id = service.create(user, form.toDetails(), photo, submit);
        } catch (SlotFullException | SlotListClosedException | SlotUnavailableException e) {
            return slotRefused(user, e, form, result, model, null, locale);
        }
        redirect.addFlashAttribute("notice",
                messages.get(submit ? "application.notice.submitted" : "application.notice.saved", locale));
        return "redirect:/applications/" + id;
    }

    /**
     * The slot choices for the dates the applicant is typing (the form's script swaps them in). {@code id}: the
     * application being edited, whose own seats stay selectable. Reads only.
     */
    @GetMapping("/applications/slots")
    String slots(@RequestParam(required = false) String entryDate, @RequestParam(required = false) String returnDate,
            @RequestParam(required = false) String vehiclePlate, @RequestParam(required = false) String vehicleId,
            @RequestParam(required = false) String northboundSlot,
            @RequestParam(required = false) String southboundSlot, @RequestParam(required = false) Long id,
            @AuthenticationPrincipal AccountPrincipal user, Model model) {
        model.addAttribute("slotChoices", picker.both(date(entryDate), date(returnDate),
                ApplicationForm.clean(vehiclePlate) != null || ApplicationForm.clean(vehicleId) != null,
                northboundSlot, southboundSlot,
                id == null ? List.of() : service.bookings(id, user.id())));
        return SLOTS;
    }

    @GetMapping("/applications/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        model.addAttribute("app", service.view(id, user.id()));
        return DETAIL;
    }

    @GetMapping("/applications/{id}/edit")
    @OnRefusal("/applications/{id}")
    String initUpdateForm(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, Model model,
            Locale locale) {
        ApplicationView current = editable(id, user);
        model.addAttribute("form", service.editForm(id, user.id()));
        return formView(user, model, current, locale);
    }

    @PostMapping("/applications/{id}/edit")
    @OnRefusal("/applications/{id}")
    String processUpdateForm(@PathVariable long id, @ModelAttribute("form") ApplicationForm form,
            BindingResult result, @RequestParam(defaultValue = "save") String action,
            @AuthenticationPrincipal AccountPrincipal user, Model model, RedirectAttributes redirect,
            Locale locale) {
        ApplicationView current = editable(id, user);
        if ("more".equals(action)) {
            form.padGoodsRows(form.getGoods().size() + ApplicationForm.GOODS_ROWS);
            return formView(user, model, current, locale);
        }
        boolean submit = "submit".equals(action);
        PhotoProcessor.Photo photo = photos.upload(form.getPhoto(), result);
        useVehicle(form, user, result);
        validator.validate(form, result, submit,
                new ApplicationFormValidator.Stored(current.hasPhoto(), current.idNumber() != null
                        && !current.idNumber().isEmpty()), photo != null);
        if (result.hasErrors()) {
            return formAgain(user, form, model, current, locale);
        }
        try {
            service.update(id, user, form.toDetails(), photo, submit);
        } catch (SlotFullException | SlotListClosedException | SlotUnavailableException e) {
            return slotRefused(user, e, form, result, model, current, locale);
        }
        redirect.addFlashAttribute("notice",
                messages.get(submit ? "application.notice.submitted" : "application.notice.saved", locale));
        return "redirect:/applications/" + id;
    }

    @GetMapping("/applications/{id}/withdraw")
    @OnRefusal("/applications/{id}")
    String initWithdrawal(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        ApplicationView current = service.view(id, user.id());
        if (!current.withdrawable()) {
            throw new IllegalTransitionException(Action.WITHDRAW, current.status());
        }
        model.addAttribute("app", current);
        return WITHDRAW;
    }

    /** Why the applicant withdraws; optional. */
    record WithdrawalForm(@Size(max = MAX_WITHDRAW_REASON) String reason) {
    }

    @PostMapping("/applications/{id}/withdraw")
    @OnRefusal("/applications/{id}")
    String processWithdrawal(@PathVariable long id, @Valid @ModelAttribute("withdrawal") WithdrawalForm form,
            BindingResult result, @AuthenticationPrincipal AccountPrincipal user, Model model,
            RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            model.addAttribute("app", service.view(id, user.id()));
            model.addAttribute("reason", form.reason());
            model.addAttribute("reasonError", messages.get(result.getFieldError(), locale));
            return WITHDRAW;
        }
        service.withdraw(id, user, form.reason() == null ? "" : form.reason());
        redirect.addFlashAttribute("notice", messages.get("application.notice.withdrawn", locale));
        return "redirect:/applications/" + id;
    }

    @GetMapping("/applications/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user) {
        byte[] jpeg = service.photo(id, user.id()).orElseThrow(ApplicationNotFoundException::new);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(jpeg);
    }

    /**
     * The registered vehicle chosen: its plate and type become the trip's; one the applicant may not bring (not
     * theirs, retired, its operating permit ending before the return) is the field's error.
     */
    private void useVehicle(ApplicationForm form, AccountPrincipal user, BindingResult result) {
        if (form.getVehicleId() == null) {
            return;
        }
        try {
            form.useVehicle(vehicles.forTrip(user.id(), form.getVehicleId(), form.getReturnDate()));
        } catch (VehicleRefused e) {
            result.rejectValue("vehicleId", e.getCodes()[0], e.getArguments(), null);
        }
    }

    /** The application, when its status still lets the applicant edit it. */
    private ApplicationView editable(long id, AccountPrincipal user) {
        ApplicationView current = service.view(id, user.id());
        if (!current.editable()) {
            throw new IllegalTransitionException(Action.EDIT, current.status());
        }
        return current;
    }

    /** The schedule refused a seat: nothing was stored; the form again, with the slots as they now stand. */
    private String slotRefused(AccountPrincipal user, Refusal refusal, ApplicationForm form, BindingResult result, Model model,
            ApplicationView current, Locale locale) {
        result.reject(refusal.getCodes()[0], refusal.getArguments(), null);
        return formAgain(user, form, model, current, locale);
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String formAgain(AccountPrincipal user, ApplicationForm form, Model model, ApplicationView current,
            Locale locale) {
        form.padGoodsRows(ApplicationForm.GOODS_ROWS);
        if (form.getPhoto() != null && !form.getPhoto().isEmpty()) {
            model.addAttribute("photoAgain", true);
        }
        return formView(user, model, current, locale);
    }

    private String formView(AccountPrincipal user, Model model, ApplicationView current, Locale locale) {
        model.addAttribute("vehicleChoices", vehicles.choicesFor(user.id()));
        model.addAttribute("current", current);
        model.addAttribute("countries", Countries.all(locale));
        model.addAttribute("documentTypes", IdDocumentType.values());
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("vehicleTypes", VehicleType.values());
        model.addAttribute("minDaysAhead", settings.minDaysAhead());
        model.addAttribute("maxStayDays", settings.maxStayDays());
        model.addAttribute("maxPhotoMb", settings.maxPhotoSize().toMegabytes());
        model.addAttribute("earliestEntry", validator.today().plusDays(settings.minDaysAhead()));
        ApplicationForm form = (ApplicationForm) model.getAttribute("form");
        model.addAttribute("slotChoices", picker.both(form.getEntryDate(), form.getReturnDate(),
                ApplicationForm.clean(form.getVehiclePlate()) != null, form.getNorthboundSlot(),
                form.getSouthboundSlot(), current == null ? List.of() : service.bookings(current.id(), current.applicantId())));
        return FORM;
    }
}
