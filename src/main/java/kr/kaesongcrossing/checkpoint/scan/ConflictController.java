package kr.kaesongcrossing.checkpoint.scan;

import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /checkpoint/conflicts}: the scans stations decided offline that the server decided otherwise, oldest
 * first, until a supervisor acknowledges them. Lane staff read the list; a supervisor acknowledges (CheckpointAccess).
 */
@Controller
class ConflictController {

    private static final String PAGE = "/checkpoint/conflicts";

    private final ScanConflicts conflicts;

    ConflictController(ScanConflicts conflicts) {
        this.conflicts = conflicts;
    }

    @GetMapping(PAGE)
    String list(Model model) {
        model.addAttribute("conflicts", conflicts.open());
        model.addAttribute("limit", ScanConflicts.LIST_LIMIT);
        return "checkpoint/conflicts";
    }

    @PostMapping(PAGE + "/{id}/acknowledge")
    @OnRefusal(PAGE)
    String acknowledge(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal supervisor,
            RedirectAttributes redirect) {
        conflicts.acknowledge(id, supervisor.id(), supervisor.displayName());
        redirect.addFlashAttribute("message", "checkpoint.conflicts.acknowledged");
        return "redirect:" + PAGE;
    }
}
