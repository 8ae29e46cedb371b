package kr.kaesongcrossing.pass;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators list the signing keys and rotate: new passes use the new key, old ones keep verifying. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SigningKeyAdminController {

    static final String VIEW = "pass/keys";

    record KeyRow(String kid, String createdAt, String activatedAt, String retiredAt, boolean active,
            boolean published) {
    }

    private final SigningKeys keys;
    private final Clock clock;

    SigningKeyAdminController(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @GetMapping("/admin/keys")
    String list(Model model) {
        Set<String> published = keys.publishedKeys().getKeys().stream().map(k -> k.getKeyID())
                .collect(Collectors.toSet());
        List<KeyRow> rows = keys.all().stream()
                .map(k -> new KeyRow(k.getKid(), OfficeTime.minutes(k.getCreatedAt()),
                        OfficeTime.minutes(k.getActivatedAt()), OfficeTime.minutes(k.getRetiredAt()),
                        k.isActive(), published.contains(k.getKid())))
                .toList();
        model.addAttribute("keys", rows);
        model.addAttribute("generates", keys.generatesKeys());
        model.addAttribute("candidates", keys.candidates());
        return VIEW;
    }

    @PostMapping("/admin/keys/rotate")
    @OnRefusal("/admin/keys")
    String rotate(@RequestParam(required = false) String alias, RedirectAttributes redirect) {
        redirect.addFlashAttribute("rotated", keys.rotate(alias));
        return "redirect:/admin/keys";
    }
}
