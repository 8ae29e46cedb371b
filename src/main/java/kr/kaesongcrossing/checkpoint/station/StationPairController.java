package kr.kaesongcrossing.checkpoint.station;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.checkpoint.device.DeviceTokens;
import kr.kaesongcrossing.checkpoint.scan.Gate;
import kr.kaesongcrossing.checkpoint.scan.Route;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /station/pair}: a supervisor, signed in on the tablet, pairs it as a scan station of a gate and lane. The
 * tablet receives its own device credential in the answer page (never in a URL, never logged), which the page's
 * script keeps in the browser; the device is then listed (and revocable) at {@code /admin/devices}.
 */
@Controller
class StationPairController {

    private static final String PAGE = "/station/pair";

    private final DeviceTokens tokens;
    private final Route route;

    StationPairController(DeviceTokens tokens, Route route) {
        this.tokens = tokens;
        this.route = route;
    }

    @ModelAttribute("gates")
    List<Gate> gates() {
        return route.gates();
    }

    @GetMapping(PAGE)
    String form(Model model) {
        model.addAttribute("form", StationPairForm.empty());
        return "station/pair";
    }

    @PostMapping(PAGE)
    @OnRefusal(PAGE)
    String pair(@Valid @ModelAttribute("form") StationPairForm form, BindingResult result,
            @AuthenticationPrincipal AccountPrincipal supervisor, Model model, HttpServletResponse response) {
        if (result.hasErrors()) {
            return "station/pair";
        }
        if (!route.has(form.gate())) {
            throw new StationPairRefused();
        }
        // rendered directly, not redirected: the secret must not pass through the (database-backed) session
        DeviceTokens.Issued issued = tokens.pairStation(form.name(), form.gate().name(), form.lane(), supervisor.id());
        model.addAttribute("issued", issued);
        model.addAttribute("gate", form.gate());
        model.addAttribute("lane", form.lane().strip());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        return "station/paired";
    }
}
