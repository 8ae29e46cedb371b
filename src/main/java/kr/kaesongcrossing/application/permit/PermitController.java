package kr.kaesongcrossing.application.permit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.schedule.Slot;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.Slots;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.format.annotation.DateTimeFormat;
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
 * {@code /permits} (CIVILIAN): a holder's permits, each with the slots of a date to book in two clicks (choose the
 * slot, confirm) and the crossings booked on it; and, for a coordinator, the permits of the organisations they
 * coordinate, to ask for several renewals at once.
 */
@Controller
@RequestMapping("/permits")
class PermitController {

    private static final String VIEW = "application/permits";
    private static final String PAGE = "/permits";

    private final Permits permits;
    private final PermitRows rows;
    private final Slots slots;
    private final Clock clock;

    PermitController(Permits permits, PermitRows rows, Slots slots, Clock clock) {
        this.permits = permits;
        this.rows = rows;
        this.slots = slots;
        this.clock = clock;
    }

    /** A permit of the holder's with what the page offers: the bookable slots of {@code date}, the crossings. */
    record HolderPermit(PermitRow row, LocalDate date, List<Slot> northbound, List<Slot> southbound,
            List<kr.kaesongcrossing.application.model.TravelApplication> crossings) {
    }

    @GetMapping
    String page(@AuthenticationPrincipal AccountPrincipal user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        List<HolderPermit> held = new ArrayList<>();
        for (PermitRow row : rows.of(permits.heldBy(user.id()))) {
            StandingPermit permit = row.permit();
            LocalDate day = date != null ? date : firstBookable(permit);
            boolean open = row.live() && permit.validOn(day);
            held.add(new HolderPermit(row, day, open && permit.isNorthbound() ? bookable(day,
                    TravelDirection.NORTHBOUND) : List.of(), open && permit.isSouthbound()
                            ? bookable(day, TravelDirection.SOUTHBOUND) : List.of(),
                    permits.crossings(permit.getId())));
        }
        List<PermitRow> coordinated = rows.of(permits.coordinatedBy(user.id()));
        model.addAttribute("held", held);
        model.addAttribute("coordinated", coordinated);
        List<Long> coordinatedIds = coordinated.stream().map(r -> r.permit().getId()).toList();
        model.addAttribute("pendingRenewals", permits.pendingRenewals(coordinatedIds));
        model.addAttribute("declinedRenewals", permits.declinedRenewals(coordinatedIds));
        return VIEW;
    }

    @PostMapping("/{id}/book")
    @OnRefusal(PAGE)
    String book(@PathVariable long id, @RequestParam(required = false) String northbound,
            @RequestParam(required = false) String southbound, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        Permits.Booked trip = permits.book(id, user, slot(northbound, TravelDirection.NORTHBOUND),
                slot(southbound, TravelDirection.SOUTHBOUND));
        redirect.addFlashAttribute("message", "permit.booked");
        redirect.addFlashAttribute("messageArg", trip.reference());
        return "redirect:" + PAGE;
    }

    @PostMapping("/renewals")
    @OnRefusal(PAGE)
    String requestRenewals(@RequestParam(name = "permit", required = false) List<Long> permitIds,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        int made = permits.requestRenewals(permitIds, user.id());
        redirect.addFlashAttribute("message", "permit.renewalsRequested");
        redirect.addFlashAttribute("messageArg", made);
        return "redirect:" + PAGE;
    }

    /** A slot named by the form, in that direction; none when not chosen. */
    private static SlotKey slot(String value, TravelDirection direction) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return SlotKey.parse(value.strip()).filter(k -> k.direction() == direction)
                .orElseThrow(() -> new PermitRefused("permit.error.noSlot"));
    }

    /** The first day, within the permit, whose lists are still open. */
    private LocalDate firstBookable(StandingPermit permit) {
        Instant now = clock.instant();
        LocalDate day = OfficeTime.today(clock);
        if (day.isBefore(permit.getValidFrom())) {
            day = permit.getValidFrom();
        }
        while (!slots.listClosesAt(day).isAfter(now) && !day.isAfter(permit.getValidUntil())) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The slots of the day still taking bookings: not cancelled, list open, a seat left. */
    private List<Slot> bookable(LocalDate day, TravelDirection direction) {
        Instant now = clock.instant();
        return slots.on(day, direction).stream()
                .filter(s -> !s.cancelled() && s.listClosesAt().isAfter(now) && s.seatsLeft() > 0).toList();
    }

}
