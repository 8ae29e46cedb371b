package kr.kaesongcrossing.application.goods;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/goods-categories} (ADMIN by the common /admin rule): the goods reference list, a new category, and a
 * category's new status with its basis. A change applies to submissions from then on, not to those already made.
 */
@Controller
@RequestMapping("/admin/goods-categories")
class GoodsCategoryAdminController {

    private static final String VIEW = "admin/goods-categories";
    private static final String PAGE = "/admin/goods-categories";

    /** A category's new status and why. */
    record StatusForm(@NotNull(message = "{validation.required}") GoodsStatus status,
            @NotBlank(message = "{validation.required}") @Size(max = 200) String basis) {
    }

    private final GoodsCategories categories;

    GoodsCategoryAdminController(GoodsCategories categories) {
        this.categories = categories;
    }

    @ModelAttribute("statuses")
    List<GoodsStatus> statuses() {
        return List.of(GoodsStatus.values());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("form", GoodsCategoryForm.empty());
        return page(model);
    }

    @PostMapping
    String add(@Valid @ModelAttribute("form") GoodsCategoryForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        GoodsCategoryForm cleaned = form.cleaned();
        if (!result.hasFieldErrors("code") && categories.codeTaken(cleaned.code())) {
            result.rejectValue("code", "goods.admin.error.codeTaken");
        }
        if (result.hasErrors()) {
            return page(model);
        }
        categories.add(cleaned);
        redirect.addFlashAttribute("message", "goods.admin.added");
        return "redirect:" + PAGE;
    }

    @PostMapping("/{id}")
    String change(@PathVariable long id, @Valid @ModelAttribute("change") StatusForm change, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("form", GoodsCategoryForm.empty());
            model.addAttribute("failedId", id);
            return page(model);
        }
        categories.change(id, change.status(), change.basis().strip());
        redirect.addFlashAttribute("message", "goods.admin.changed");
        return "redirect:" + PAGE;
    }

    private String page(Model model) {
        model.addAttribute("catalogue", categories.catalogue());
        return VIEW;
    }
}
