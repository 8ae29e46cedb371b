package kr.kaesongcrossing.application.profile;

import java.util.List;
import java.util.Locale;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.application.apply.ApplicationFormValidator;
import kr.kaesongcrossing.application.model.ApplicationSettings;
import kr.kaesongcrossing.application.model.Countries;
import kr.kaesongcrossing.application.model.IdDocumentType;
import kr.kaesongcrossing.application.photo.PhotoProcessor;
import kr.kaesongcrossing.organisation.Organisations;
import kr.kaesongcrossing.system.OnRefusal;
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
 * {@code /profile}: the civilian's own profile (form, history) and what organisations keep about them;
 * {@code /profile/organisations/{org}}: a coordinator's profiles of the organisation's people. The checks of who
 * may see what are in {@link Profiles}.
 */
@Controller
class ProfileController {

    private static final String PAGE = "profile/page";
    private static final String ORGANISATION = "profile/organisation";
    private static final String KEPT_FORM = "profile/kept-form";

    private final Profiles profiles;
    private final ApplicationFormValidator validator;
    private final ApplicationSettings settings;
    private final Organisations organisations;
    private final PhotoProcessor photos;

    ProfileController(Profiles profiles, ApplicationFormValidator validator, ApplicationSettings settings,
            Organisations organisations) {
        this.profiles = profiles;
        this.validator = validator;
        this.settings = settings;
        this.organisations = organisations;
        this.photos = new PhotoProcessor(settings.maxPhotoSize().toBytes());
    }

    @InitBinder("form")
    void initBinder(WebDataBinder binder) {
        binder.setIgnoreInvalidFields(true);
        binder.setAllowedFields("nameKorean", "nameLatin", "dateOfBirth", "nationality", "idDocumentType",
                "idNumber", "phone", "photo");
    }

    @GetMapping("/profile")
    String page(@AuthenticationPrincipal AccountPrincipal user, Model model, Locale locale) {
        TravellerProfile own = profiles.own(user.id()).orElse(null);
        model.addAttribute("form", own == null ? new ProfileForm() : ProfileForm.of(own));
        return pageView(user, own, model, locale);
    }

    @PostMapping("/profile")
    String save(@ModelAttribute("form") ProfileForm form, BindingResult result,
            @AuthenticationPrincipal AccountPrincipal user, Model model, RedirectAttributes redirect, Locale locale) {
        TravellerProfile own = profiles.own(user.id()).orElse(null);
        PhotoProcessor.Photo photo = check(form, result, own);
        if (result.hasErrors()) {
            return pageView(user, own, model, locale);
        }
        profiles.saveOwn(user, form.toDetails(), photo);
        redirect.addFlashAttribute("message", "profile.saved");
        return "redirect:/profile";
    }

    @GetMapping("/profile/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user) {
        byte[] jpeg = profiles.photo(user, id).orElseThrow(ProfileNotFoundException::new).jpeg();
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore().cachePrivate()).body(jpeg);
    }

    /** A profile an organisation keeps about the viewer, with its history (read only). */
    @GetMapping("/profile/{id}")
    String kept(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        TravellerProfile profile = profiles.visible(user, id);
        model.addAttribute("profile", profile);
        model.addAttribute("history", profiles.history(user, id));
        model.addAttribute("organisation", organisations.names(profile.getOrganisationId()).orElse(null));
        return "profile/kept";
    }

    @GetMapping("/profile/organisations/{org}")
    String organisation(@PathVariable long org, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        model.addAttribute("rows", profiles.organisationRows(user, org));
        model.addAttribute("organisation", organisations.names(org).orElseThrow(ProfileNotFoundException::new));
        return ORGANISATION;
    }

    @GetMapping("/profile/organisations/{org}/new")
    String initKept(@PathVariable long org, @RequestParam(required = false) Long account,
            @AuthenticationPrincipal AccountPrincipal user, Model model, Locale locale) {
        profiles.organisationRows(user, org);
        model.addAttribute("form", new ProfileForm());
        return keptForm(org, null, account, model, locale);
    }

    @PostMapping("/profile/organisations/{org}/new")
    @OnRefusal("/profile/organisations/{org}")
    String createKept(@PathVariable long org, @RequestParam(required = false) Long account,
            @ModelAttribute("form") ProfileForm form, BindingResult result,
            @AuthenticationPrincipal AccountPrincipal user, Model model, RedirectAttributes redirect, Locale locale) {
        profiles.organisationRows(user, org);
        PhotoProcessor.Photo photo = check(form, result, null);
        if (result.hasErrors()) {
            return keptForm(org, null, account, model, locale);
        }
        profiles.saveKept(user, org, null, account, form.toDetails(), photo);
        redirect.addFlashAttribute("message", "profile.saved");
        return "redirect:/profile/organisations/" + org;
    }

    @GetMapping("/profile/organisations/{org}/{id}")
    String initEditKept(@PathVariable long org, @PathVariable long id, @AuthenticationPrincipal AccountPrincipal user,
            Model model, Locale locale) {
        TravellerProfile profile = profiles.kept(user, org, id);
        model.addAttribute("form", ProfileForm.of(profile));
        model.addAttribute("history", profiles.history(user, id));
        return keptForm(org, profile, profile.getAccountId(), model, locale);
    }

    @PostMapping("/profile/organisations/{org}/{id}")
    String editKept(@PathVariable long org, @PathVariable long id, @ModelAttribute("form") ProfileForm form,
            BindingResult result, @AuthenticationPrincipal AccountPrincipal user, Model model,
            RedirectAttributes redirect, Locale locale) {
        TravellerProfile profile = profiles.kept(user, org, id);
        PhotoProcessor.Photo photo = check(form, result, profile);
        if (result.hasErrors()) {
            model.addAttribute("history", profiles.history(user, id));
            return keptForm(org, profile, profile.getAccountId(), model, locale);
        }
        profiles.saveKept(user, org, id, null, form.toDetails(), photo);
        redirect.addFlashAttribute("message", "profile.saved");
        return "redirect:/profile/organisations/" + org;
    }

    /** Checks the form against the application's rules; a new profile needs the ID number and the photo. */
    private PhotoProcessor.Photo check(ProfileForm form, BindingResult result, TravellerProfile current) {
        ApplicationFormValidator.personal(result, form.getNameKorean(), form.getNameLatin(), form.getDateOfBirth(),
                form.getNationality(), form.getIdDocumentType(), form.getIdNumber(), form.getPhone(), true,
                current == null);
        validator.dateOfBirth(result, form.getDateOfBirth());
        PhotoProcessor.Photo photo = photos.upload(form.getPhoto(), result);
        if (photo == null && (current == null || !current.isHasPhoto()) && !result.hasFieldErrors("photo")) {
            result.rejectValue("photo", "application.error.photo.required");
        }
        return photo;
    }

    private String pageView(AccountPrincipal user, TravellerProfile own, Model model, Locale locale) {
        model.addAttribute("profile", own);
        model.addAttribute("history", own == null ? List.of() : profiles.history(user, own.getId()));
        model.addAttribute("kept", profiles.keptAbout(user.id()));
        model.addAttribute("coordinated", organisations.membershipsOf(user.id()).stream()
                .filter(m -> profiles.coordinates(user, m.organisationId()))
                .map(m -> organisations.names(m.organisationId()).orElseThrow()).toList());
        return formModel(model, locale, PAGE);
    }

    private String keptForm(long org, TravellerProfile profile, Long account, Model model, Locale locale) {
        model.addAttribute("organisation", organisations.names(org).orElseThrow(ProfileNotFoundException::new));
        model.addAttribute("profile", profile);
        model.addAttribute("account", account);
        return formModel(model, locale, KEPT_FORM);
    }

    private String formModel(Model model, Locale locale, String view) {
        model.addAttribute("countries", Countries.all(locale));
        model.addAttribute("documentTypes", IdDocumentType.values());
        model.addAttribute("maxPhotoMb", settings.maxPhotoSize().toMegabytes());
        return view;
    }
}
