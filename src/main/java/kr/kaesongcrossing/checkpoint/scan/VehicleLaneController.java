package kr.kaesongcrossing.checkpoint.scan;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.UUID;
import kr.kaesongcrossing.account.AccountPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The vehicle lane ({@code /checkpoint/vehicle}) at the station's gate, lane and direction (chosen once on the
 * station's setup): the officer scans the vehicle pass and then the driver's pass into two fields of one form. A
 * scanner's Enter after the first submits it without the second (no script needed): the page comes back with the
 * vehicle kept and asks for the driver's pass. Passengers scan their own passes at the person lane.
 */
@Controller
class VehicleLaneController {

    private static final String VIEW = "checkpoint/vehicle";

    private final VehicleLane lane;
    private final Route route;
    private final GateSlots slots;

    VehicleLaneController(VehicleLane lane, Route route, GateSlots slots) {
        this.lane = lane;
        this.route = route;
        this.slots = slots;
    }

    @GetMapping("/checkpoint/vehicle")
    String station(@RequestParam(required = false) String scan, @AuthenticationPrincipal AccountPrincipal officer,
            HttpSession session, Model model) {
        Optional<ScanStationController.Station> station = ScanStationController.Station.of(session, route);
        if (station.isEmpty()) {
            return "redirect:/checkpoint";
        }
        if (scan != null && ScanApiController.SCAN_ID.matcher(scan).matches()) {
            try {
                lane.stored(scan, operator(officer)).ifPresent(answer -> model.addAttribute("answer", answer));
            } catch (ScanService.ScanIdConflict e) {
                model.addAttribute("scanError", "checkpoint.scanIdConflict");
            }
        }
        return view(station.get(), UUID.randomUUID().toString(), "", model);
    }

    @PostMapping("/checkpoint/vehicle/scan")
    String scan(@RequestParam(defaultValue = "") String scanId, @RequestParam(defaultValue = "") String vehicleToken,
            @RequestParam(defaultValue = "") String driverToken, @AuthenticationPrincipal AccountPrincipal officer,
            HttpSession session, Model model, RedirectAttributes redirect) {
        Optional<ScanStationController.Station> station = ScanStationController.Station.of(session, route);
        String vehicle = capped(TokenInput.clean(vehicleToken));
        String driver = capped(TokenInput.clean(driverToken));
        if (station.isEmpty() || vehicle.isEmpty() || !ScanApiController.SCAN_ID.matcher(scanId).matches()) {
            return "redirect:/checkpoint/vehicle";
        }
        if (driver.isEmpty()) { // the scanner's Enter after the vehicle: now the driver's pass
            model.addAttribute("driverNext", true);
            return view(station.get(), scanId, vehicle, model);
        }
        try {
            VehicleLane.Answer answer = lane.scan(scanId, vehicle, driver, station.get().gate(),
                    station.get().direction(), station.get().lane(), operator(officer));
            return "redirect:/checkpoint/vehicle?scan=" + answer.vehicle().scanId();
        } catch (ScanService.ScanIdConflict e) {
            redirect.addFlashAttribute("scanError", "checkpoint.scanIdConflict");
            return "redirect:/checkpoint/vehicle";
        }
    }

    private String view(ScanStationController.Station station, String scanId, String vehicleToken, Model model) {
        model.addAttribute("station", station);
        model.addAttribute("slot", slots.at(station.gate(), station.direction()));
        model.addAttribute("scanId", scanId);
        model.addAttribute("vehicleToken", vehicleToken);
        return VIEW;
    }

    /** Longer than any token: kept one character over the limit so it is refused as MALFORMED, not stored whole. */
    private static String capped(String input) {
        return input.length() > TokenInput.MAX_LENGTH ? input.substring(0, TokenInput.MAX_LENGTH + 1) : input;
    }

    private static ScanRequest.Operator operator(AccountPrincipal officer) {
        return ScanRequest.Operator.officer(officer.id(), officer.displayName());
    }
}
