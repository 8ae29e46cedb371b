package kr.kaesongcrossing.organisation;

import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /organisations}: a civilian's organisations, requests and "ask to join"; an officer's list of every
 * organisation with its open requests. {@code /organisations/{id}}: members and open requests, accept or decline,
 * for the organisation's coordinators and officers.
 */
@Controller
@RequestMapping("/organisations")
class OrganisationController {

    private static final String LIST_VIEW = "organisation/list";
    private static final String PAGE_VIEW = "organisation/page";
    private static final String LIST_PAGE = "/organisations";
    private static final String ORGANISATION_PAGE = "/organisations/{id}";

    private final Memberships memberships;

    OrganisationController(Memberships memberships) {
        this.memberships = memberships;
    }

    @GetMapping
    String list(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        model.addAttribute("organisations", memberships.list(user));
        model.addAttribute("requests", memberships.ownRequests(user.id()));
        return LIST_VIEW;
    }

    @PostMapping("/{id}/join")
    @OnRefusal(LIST_PAGE)
    String join(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        memberships.ask(user.id(), id);
        redirect.addFlashAttribute("message", "organisation.join.sent");
        return "redirect:" + LIST_PAGE;
    }

    /** {@code ?page} (1-based) pages the member list. */
    @GetMapping("/{id}")
    String page(@PathVariable long id, @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal AccountPrincipal user, Model model) {
        model.addAttribute("organisation", memberships.page(user, id, page - 1));
        return PAGE_VIEW;
    }

    @PostMapping("/{id}/members/{accountId}/remove")
    @OnRefusal(ORGANISATION_PAGE)
    String remove(@PathVariable long id, @PathVariable long accountId, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        memberships.remove(user, id, accountId);
        return back(id, "organisation.member.removed", redirect);
    }

    @PostMapping("/{id}/requests/{requestId}/accept")
    @OnRefusal(ORGANISATION_PAGE)
    String accept(@PathVariable long id, @PathVariable long requestId, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        memberships.accept(user, id, requestId);
        return back(id, "organisation.request.accepted", redirect);
    }

    @PostMapping("/{id}/requests/{requestId}/decline")
    @OnRefusal(ORGANISATION_PAGE)
    String decline(@PathVariable long id, @PathVariable long requestId, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        memberships.decline(user, id, requestId);
        return back(id, "organisation.request.declined", redirect);
    }

    private static String back(long id, String doneKey, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", doneKey);
        return "redirect:/organisations/" + id;
    }
}
