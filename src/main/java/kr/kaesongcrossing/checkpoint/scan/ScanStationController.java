package kr.kaesongcrossing.checkpoint.scan;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.account.Role;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scan station: the officer picks gate, lane and direction once (kept in the session), then a handheld scanner
 * types each token and Enter into the always-focused field. Works without JavaScript: every scan is a plain form
 * POST that redirects to the result, which is shown above a fresh scan field. Each rendered form carries its own
 * scan id, so a double submit records one scan. A refusal that the rules allow to override is let through only by a
 * SUPERVISOR who types their password on the override form, at the lane, even when already signed in.
 */
@Controller
class ScanStationController {

    static final String GATE = "checkpoint.gate";
    static final String LANE = "checkpoint.lane";
    static final String DIRECTION = "checkpoint.direction";
    private static final String VIEW = "checkpoint/station";
    private static final int MAX_OVERRIDE_REASON = 500;

    private final ScanService scans;
    private final Route route;
    private final QrPhotoDecoder photos;
    private final AuthenticationManager accounts;
    private final Accounts secondFactors;
    private final GateSlots slots;

    ScanStationController(ScanService scans, Route route, QrPhotoDecoder photos,
            @Qualifier("accountAuthenticationManager") AuthenticationManager accounts, Accounts secondFactors,
            GateSlots slots) {
        this.secondFactors = secondFactors;
        this.scans = scans;
        this.slots = slots;
        this.route = route;
        this.photos = photos;
        this.accounts = accounts;
    }

    /**
     * The gate, lane and direction the station works in, kept in the session as plain strings. A session from
     * before the route (no gate, ENTRY/EXIT) or naming a gate no longer on it asks for the station again.
     */
    record Station(Gate gate, String lane, Direction direction) {

        static Optional<Station> of(HttpSession session, Route route) {
            Object gate = session.getAttribute(GATE);
            Object lane = session.getAttribute(LANE);
            Object direction = session.getAttribute(DIRECTION);
            if (gate instanceof String g && lane instanceof String l && direction instanceof String d) {
                try {
                    Station station = new Station(Gate.valueOf(g), l, Direction.valueOf(d));
                    return route.has(station.gate()) ? Optional.of(station) : Optional.empty();
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    @GetMapping("/checkpoint")
    String station(@RequestParam(required = false) String scan, @RequestParam(required = false) Boolean change,
            @AuthenticationPrincipal AccountPrincipal officer, HttpSession session, Model model) {
        Optional<Station> station = Station.of(session, route);
        if (station.isEmpty() || Boolean.TRUE.equals(change)) {
            setup(model, station.map(Station::gate).orElse(route.gates().get(0)),
                    station.map(Station::lane).orElse(""),
                    station.map(Station::direction).orElse(Direction.NORTHBOUND));
            return "checkpoint/setup";
        }
        return stationView(station.get(), scan, officer, model);
    }

    /** The scan field for the next scan, under the stored answer to {@code scan} when there is one. */
    private String stationView(Station station, String scan, AccountPrincipal officer, Model model) {
        model.addAttribute("station", station);
        model.addAttribute("slot", slots.at(station.gate(), station.direction()));
        model.addAttribute("scanId", UUID.randomUUID().toString());
        if (!model.containsAttribute("supervisorEmail")) { // kept from a refused override, else the supervisor's own
            model.addAttribute("supervisorEmail", officer.role() == Role.SUPERVISOR ? officer.email() : "");
        }
        if (scan != null && ScanApiController.SCAN_ID.matcher(scan.replace("override:", "")).matches()) {
            try {
                scans.stored(scan, operator(officer)).ifPresent(answer -> model.addAttribute("answer", answer));
            } catch (ScanService.ScanIdConflict e) {
                model.addAttribute("scanError", "checkpoint.scanIdConflict");
            }
        }
        if (!(model.getAttribute("answer") instanceof ScanAnswer answer && answer.overridable())) {
            model.addAttribute("liveRefresh", 60); // without JavaScript; never over an override being typed
        }
        return VIEW;
    }

    private void setup(Model model, Gate gate, String lane, Direction direction) {
        model.addAttribute("gates", route.gates());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("gate", gate);
        model.addAttribute("lane", lane);
        model.addAttribute("direction", direction);
    }

    /** The gate, lane and direction as the officer picks them; the page has one message for all. */
    record StationForm(@NotNull(message = "{checkpoint.setup.lane.required}") Gate gate,
            @NotBlank(message = "{checkpoint.setup.lane.required}")
            @Size(max = ScanApiController.MAX_LANE, message = "{checkpoint.setup.lane.required}") String lane,
            @NotNull(message = "{checkpoint.setup.lane.required}") Direction direction) {

        StationForm {
            lane = lane == null ? "" : lane.strip();
        }
    }

    @PostMapping("/checkpoint/station")
    String choose(@Valid StationForm form, BindingResult result, HttpSession session, Model model) {
        if (result.hasErrors() || !route.has(form.gate())) {
            setup(model, form.gate() == null || !route.has(form.gate()) ? route.gates().get(0) : form.gate(),
                    form.lane(), form.direction() == null ? Direction.NORTHBOUND : form.direction());
            model.addAttribute("laneError", true);
            return "checkpoint/setup";
        }
        session.setAttribute(GATE, form.gate().name());
        session.setAttribute(LANE, form.lane());
        session.setAttribute(DIRECTION, form.direction().name());
        return "redirect:/checkpoint";
    }

    @PostMapping("/checkpoint/scan")
    String scan(@RequestParam(defaultValue = "") String scanId, @RequestParam(defaultValue = "") String token,
            @AuthenticationPrincipal AccountPrincipal officer, HttpSession session, RedirectAttributes redirect) {
        Optional<Station> station = Station.of(session, route);
        String input = TokenInput.clean(token);
        if (station.isEmpty()) {
            return "redirect:/checkpoint";
        }
        if (input.isEmpty() || !ScanApiController.SCAN_ID.matcher(scanId).matches()) {
            return "redirect:/checkpoint";
        }
        return record(scanId, input.length() > TokenInput.MAX_LENGTH ? input.substring(0, TokenInput.MAX_LENGTH + 1)
                : input, station.get(), officer, redirect);
    }

    /**
     * A photo that gives no token is answered with the station and the reason, under a 4xx status that says which
     * (not an image 415, too large 413, no code 422, decoder busy 429), and nothing is recorded.
     */
    @PostMapping("/checkpoint/photo")
    String photo(@RequestParam(defaultValue = "") String scanId, @RequestParam("photo") MultipartFile photo,
            @AuthenticationPrincipal AccountPrincipal officer, HttpSession session, RedirectAttributes redirect,
            Model model, HttpServletResponse response) throws IOException {
        Optional<Station> station = Station.of(session, route);
        if (station.isEmpty() || !ScanApiController.SCAN_ID.matcher(scanId).matches()) {
            return "redirect:/checkpoint";
        }
        QrPhotoDecoder.Decoded decoded;
        try (InputStream in = photo.getInputStream()) {
            decoded = photo.isEmpty() ? QrPhotoDecoder.Decoded.failed(QrPhotoDecoder.Failure.NOT_AN_IMAGE)
                    : photos.decode(in);
        }
        if (decoded.failure() != null) {
            response.setStatus(switch (decoded.failure()) {
                case NOT_AN_IMAGE -> HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE;
                case TOO_LARGE -> HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
                case NO_CODE -> 422;
                case BUSY -> 429;
            });
            model.addAttribute("photoError", "checkpoint.photo." + decoded.failure());
            return stationView(station.get(), null, officer, model);
        }
        return record(scanId, TokenInput.clean(decoded.text()), station.get(), officer, redirect);
    }

    @PostMapping("/checkpoint/scans/{scanId}/override")
    String override(@PathVariable String scanId, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String supervisorEmail,
            @RequestParam(defaultValue = "") String supervisorPassword,
            @RequestParam(defaultValue = "") String supervisorCode,
            @AuthenticationPrincipal AccountPrincipal officer, HttpServletRequest request, RedirectAttributes redirect) {
        if (!ScanApiController.SCAN_ID.matcher(scanId).matches()) {
            // never put what the client sent into a redirect URL ("{...}" is a URI template variable there)
            redirect.addFlashAttribute("overrideError", "checkpoint.override.impossible");
            return "redirect:/checkpoint";
        }
        String cleaned = reason.strip();
        if (cleaned.isEmpty() || cleaned.length() > MAX_OVERRIDE_REASON) {
            redirect.addFlashAttribute("overrideError", cleaned.isEmpty() ? "checkpoint.override.reason.required"
                    : "checkpoint.override.reason.tooLong");
            return "redirect:/checkpoint?scan=" + scanId;
        }
        Optional<AccountPrincipal> supervisor = supervisor(supervisorEmail, supervisorPassword, request)
                .filter(confirming -> secondFactors.confirmsSecondFactor(confirming.id(), supervisorCode));
        if (supervisor.isEmpty()) {
            redirect.addFlashAttribute("overrideError", "checkpoint.override.notSupervisor");
            redirect.addFlashAttribute("overrideReason", cleaned);
            redirect.addFlashAttribute("supervisorEmail", supervisorEmail.strip());
            return "redirect:/checkpoint?scan=" + scanId;
        }
        try {
            ScanAnswer answer = scans.override(scanId, cleaned, operator(officer),
                    ScanRequest.Operator.officer(supervisor.get().id(), supervisor.get().displayName()));
            return "redirect:/checkpoint?scan=" + answer.scanId();
        } catch (ScanService.OverrideRefused | ScanService.ScanIdConflict e) {
            redirect.addFlashAttribute("overrideError", "checkpoint.override.impossible");
            return "redirect:/checkpoint?scan=" + scanId;
        }
    }

    /**
     * The supervisor who proves it now with their password (the session alone is not enough). Goes through the
     * sign-in checks, so wrong passwords count towards the account's and the address's lock.
     */
    private Optional<AccountPrincipal> supervisor(String email, String password, HttpServletRequest request) {
        if (email.isBlank() || password.isEmpty() || email.length() > 320 || password.length() > 1000) {
            return Optional.empty();
        }
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                email.strip(), password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        try {
            return Optional.of(accounts.authenticate(attempt).getPrincipal())
                    .filter(AccountPrincipal.class::isInstance).map(AccountPrincipal.class::cast)
                    .filter(account -> account.role() == Role.SUPERVISOR);
        } catch (AuthenticationException e) {
            return Optional.empty();
        }
    }

    @GetMapping("/checkpoint/camera")
    String camera(HttpSession session, Model model) {
        Optional<Station> station = Station.of(session, route);
        if (station.isEmpty()) {
            return "redirect:/checkpoint";
        }
        model.addAttribute("station", station.get());
        model.addAttribute("slot", slots.at(station.get().gate(), station.get().direction()));
        return "checkpoint/camera";
    }

    private String record(String scanId, String token, Station station, AccountPrincipal officer,
            RedirectAttributes redirect) {
        try {
            ScanAnswer answer = scans.scan(new ScanRequest(scanId, token, station.gate(), station.direction(),
                    station.lane(), null, operator(officer)));
            return "redirect:/checkpoint?scan=" + answer.scanId();
        } catch (ScanService.ScanIdConflict e) {
            redirect.addFlashAttribute("scanError", "checkpoint.scanIdConflict");
            return "redirect:/checkpoint";
        }
    }

    private static ScanRequest.Operator operator(AccountPrincipal officer) {
        return ScanRequest.Operator.officer(officer.id(), officer.displayName());
    }
}
