package kr.kaesongcrossing.checkpoint.device;

import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators issue scanner device tokens (shown once) and revoke them. */
@Controller
class DeviceAdminController {

    private static final String VIEW = "checkpoint/devices";
    private static final int MAX_NAME = 100;

    private final DeviceTokens tokens;

    DeviceAdminController(DeviceTokens tokens) {
        this.tokens = tokens;
    }

    /** A device as listed for the administrator. */
    record DeviceRow(long id, String name, String gate, String lane, String created, String lastContact,
            String revoked, boolean active) {

        static DeviceRow of(ScannerDevice d) {
            return new DeviceRow(d.getId(), d.getName(), d.getGate(), d.getLane(), OfficeTime.minutes(d.getCreatedAt()),
                    OfficeTime.minutes(d.getLastContactAt()), OfficeTime.minutes(d.getRevokedAt()), d.active());
        }
    }

    @GetMapping("/admin/devices")
    String list(Model model) {
        model.addAttribute("devices", rows());
        return VIEW;
    }

    private java.util.List<DeviceRow> rows() {
        return tokens.all().stream().map(DeviceRow::of).toList();
    }

    @PostMapping("/admin/devices")
    String issue(@RequestParam(defaultValue = "") String name, @AuthenticationPrincipal AccountPrincipal admin,
            Model model) {
        String cleaned = name.strip();
        if (cleaned.isEmpty() || cleaned.length() > MAX_NAME) {
            model.addAttribute("devices", rows());
            model.addAttribute("nameError", cleaned.isEmpty() ? "checkpoint.devices.name.required"
                    : "checkpoint.devices.name.tooLong");
            model.addAttribute("name", cleaned);
            return VIEW;
        }
        // rendered directly, not redirected: the secret must not pass through the (database-backed) session
        model.addAttribute("issued", tokens.issue(cleaned, admin.id()));
        model.addAttribute("devices", rows());
        return VIEW;
    }

    @PostMapping("/admin/devices/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id);
        redirect.addFlashAttribute("message", "checkpoint.devices.revoked");
        return "redirect:/admin/devices";
    }
}
