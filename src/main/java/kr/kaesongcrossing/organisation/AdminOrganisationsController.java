package kr.kaesongcrossing.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/organisations} (ADMIN by the common /admin rule): list, create and edit organisations, and name
 * coordinators by the email of their applicant account.
 */
@Controller
@RequestMapping("/admin/organisations")
class AdminOrganisationsController {

    private static final String LIST_VIEW = "admin/organisations";
    private static final String FORM_VIEW = "admin/organisation-form";
    private static final String LIST_PAGE = "/admin/organisations";

    /** The coordinator to name, by the email of their account. */
    record CoordinatorForm(
            @NotBlank(message = "{validation.required}") @Email(message = "{validation.email}") @Size(max = 254)
                    String email) {
    }

    private final OrganisationAdministration administration;
    private final Memberships memberships;

    AdminOrganisationsController(OrganisationAdministration administration, Memberships memberships) {
        this.administration = administration;
        this.memberships = memberships;
    }

    @ModelAttribute("types")
    List<OrganisationType> types() {
        return List.of(OrganisationType.values());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("organisations", administration.all());
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("form", OrganisationForm.empty());
        return FORM_VIEW;
    }

    @PostMapping
    String processCreationForm(@Valid @ModelAttribute("form") OrganisationForm form, BindingResult result,
            RedirectAttributes redirect) {
        checkRegistrationNumber(form, null, result);
        if (result.hasErrors()) {
            return FORM_VIEW;
        }
        administration.create(form);
        redirect.addFlashAttribute("message", "organisation.admin.created");
        return "redirect:" + LIST_PAGE;
    }

    @GetMapping("/{id}")
    String initUpdateForm(@PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("form", administration.find(id).toForm());
        return edit(id, page - 1, model);
    }

    @PostMapping("/{id}")
    String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute("form") OrganisationForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        checkRegistrationNumber(form, id, result);
        if (result.hasErrors()) {
            return edit(id, 0, model);
        }
        administration.change(id, form);
        redirect.addFlashAttribute("message", "organisation.admin.changed");
        return "redirect:" + LIST_PAGE + "/" + id;
    }

    @PostMapping("/{id}/coordinators")
    @OnRefusal(LIST_PAGE + "/{id}")
    String nameCoordinator(@PathVariable long id, @Valid @ModelAttribute("coordinator") CoordinatorForm coordinator,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("form", administration.find(id).toForm());
            return edit(id, 0, model);
        }
        administration.nameCoordinator(id, coordinator.email());
        redirect.addFlashAttribute("message", "organisation.admin.coordinatorNamed");
        return "redirect:" + LIST_PAGE + "/" + id;
    }

    @PostMapping("/{id}/coordinators/{accountId}/demote")
    @OnRefusal(LIST_PAGE + "/{id}")
    String demoteCoordinator(@PathVariable long id, @PathVariable long accountId, RedirectAttributes redirect) {
        administration.demoteCoordinator(id, accountId);
        redirect.addFlashAttribute("message", "organisation.admin.coordinatorDemoted");
        return "redirect:" + LIST_PAGE + "/" + id;
    }

    /** The edit page: the form, a page of its members with their roles ({@code ?page}), and the coordinator form. */
    private String edit(long id, int pageIndex, Model model) {
        administration.find(id); // a form sent to an unknown organisation is a 404, not a form for nothing
        model.addAttribute("organisationId", id);
        model.addAttribute("members", memberships.members(id, pageIndex));
        if (!model.containsAttribute("coordinator")) {
            model.addAttribute("coordinator", new CoordinatorForm(""));
        }
        return FORM_VIEW;
    }

    private void checkRegistrationNumber(OrganisationForm form, Long id, BindingResult result) {
        if (!result.hasFieldErrors("registrationNumber")
                && administration.registrationNumberTaken(form.registrationNumber(), id)) {
            result.rejectValue("registrationNumber", "organisation.registrationNumber.taken");
        }
    }
}
