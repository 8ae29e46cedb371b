package kr.kaesongcrossing.application.group;

import java.util.ArrayList;
import java.util.List;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.StatusChange;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's page of a group ({@code /review/groups/{id}}): its members, and one form to approve all, or to
 * approve some and refuse or query others, each with its reason.
 */
@Controller
class GroupReviewController {

    private static final String PAGE = "/review/groups/{id}";

    private final GroupTrips groups;

    GroupReviewController(GroupTrips groups) {
        this.groups = groups;
    }

    @GetMapping("/review/groups/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        model.addAttribute("view", groups.forOffice(id));
        model.addAttribute("reviewer", Actor.of(user));
        return "review/group";
    }

    /**
     * One decision per member: {@code member}, {@code version}, {@code decision} and {@code reason} are parallel
     * lists (one entry per row of the page). {@code action=approveAll} approves every member still undecided.
     */
    @PostMapping("/review/groups/{id}/decide")
    @OnRefusal(PAGE)
    String decide(@PathVariable long id, @RequestParam(defaultValue = "decide") String action,
            @RequestParam(name = "member", required = false) List<Long> members,
            @RequestParam(name = "version", required = false) List<Long> versions,
            @RequestParam(name = "decision", required = false) List<String> decisionNames,
            @RequestParam(name = "reason", required = false) List<String> reasons,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        List<GroupTrips.MemberDecision> decisions = new ArrayList<>();
        if ("approveAll".equals(action)) {
            for (TravelApplication member : groups.forOffice(id).members()) {
                if (GroupTrips.undecided(member)) {
                    decisions.add(new GroupTrips.MemberDecision(member.getId(), member.getVersion(),
                            GroupTrips.Decision.APPROVE, null));
                }
            }
        } else {
            int n = members == null ? 0 : members.size();
            if (versions == null || decisionNames == null || reasons == null || versions.size() != n
                    || decisionNames.size() != n || reasons.size() != n) {
                redirect.addFlashAttribute("message", "group.review.badForm");
                return "redirect:/review/groups/" + id;
            }
            for (int i = 0; i < n; i++) {
                GroupTrips.Decision decision = parse(decisionNames.get(i));
                String reason = reasons.get(i) == null ? "" : reasons.get(i).strip();
                boolean needsReason = decision == GroupTrips.Decision.REJECT
                        || decision == GroupTrips.Decision.REQUEST_INFORMATION;
                if (decision == null || needsReason && (reason.isEmpty() || reason.length() > StatusChange.MAX_REASON)) {
                    redirect.addFlashAttribute("message", "group.review.reasonRequired");
                    return "redirect:/review/groups/" + id;
                }
                decisions.add(new GroupTrips.MemberDecision(members.get(i), versions.get(i), decision, reason));
            }
        }
        int[] counts = groups.decide(id, Actor.of(user), decisions);
        redirect.addFlashAttribute("message", "group.review.done");
        redirect.addFlashAttribute("counts", counts);
        return "redirect:/review/groups/" + id;
    }

    private static GroupTrips.Decision parse(String name) {
        try {
            return GroupTrips.Decision.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
