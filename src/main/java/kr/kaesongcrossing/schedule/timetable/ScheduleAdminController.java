package kr.kaesongcrossing.schedule.timetable;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/schedule}: administrators keep the weekly timetable and the closed days; {@code /admin/schedule/day}
 * changes the slots of one date. Under /admin, so ADMIN only (SecurityConfig's common rule).
 */
@Controller
@RequestMapping("/admin/schedule")
class ScheduleAdminController {

    private static final String VIEW = "admin/schedule";
    private static final String DAY_VIEW = "admin/schedule-day";
    private static final String PAGE = "/admin/schedule";
    private static final String DAY_PAGE = "/admin/schedule/day";

    private final Timetable timetable;
    private final MessageSource messages;
    private final Clock clock;

    ScheduleAdminController(Timetable timetable, MessageSource messages, Clock clock) {
        this.timetable = timetable;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute("directions")
    TravelDirection[] directions() {
        return TravelDirection.values();
    }

    @GetMapping
    String timetable(Model model) {
        LocalDate today = OfficeTime.today(clock);
        Map<TravelDirection, List<Timetable.WeeklySlot>> weekly = new LinkedHashMap<>();
        for (TravelDirection direction : TravelDirection.values()) {
            weekly.put(direction, timetable.weekly(direction));
        }
        model.addAttribute("weekly", weekly);
        model.addAttribute("weekdays", DayOfWeek.values());
        model.addAttribute("closedDays", timetable.closedFrom(today));
        model.addAttribute("today", today);
        if (!model.containsAttribute("addForm")) {
            model.addAttribute("addForm", WeeklySlotForm.empty());
        }
        if (!model.containsAttribute("closeForm")) {
            model.addAttribute("closeForm", ClosedDayForm.empty());
        }
        return VIEW;
    }

    @PostMapping("/timetable")
    @OnRefusal(PAGE)
    String add(@Valid @ModelAttribute("addForm") WeeklySlotForm form, BindingResult result, Model model,
            RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            unreadable(model, "addForm", WeeklySlotForm.empty(), result, locale);
            return timetable(model);
        }
        timetable.add(form.direction(), form.weekdays(), form.departsAt(), form.peopleCap(), form.vehicleCap());
        return done(PAGE, "schedule.admin.added", form.weekdays().size(), redirect);
    }

    @PostMapping("/timetable/{id}/caps")
    @OnRefusal(PAGE)
    String changeCaps(@PathVariable long id, @Valid CapsForm form, BindingResult result, RedirectAttributes redirect,
            Locale locale) {
        if (result.hasErrors()) {
            return invalid(PAGE, result, redirect, locale);
        }
        timetable.changeCaps(id, form.peopleCap(), form.vehicleCap());
        return done(PAGE, "schedule.admin.capsChanged", 0, redirect);
    }

    @PostMapping("/timetable/{id}/remove")
    @OnRefusal(PAGE)
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        timetable.remove(id);
        return done(PAGE, "schedule.admin.removed", 0, redirect);
    }

    @PostMapping("/closed-days")
    @OnRefusal(PAGE)
    String close(@Valid @ModelAttribute("closeForm") ClosedDayForm form, BindingResult result, Model model,
            RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            unreadable(model, "closeForm", ClosedDayForm.empty(), result, locale);
            return timetable(model);
        }
        int cancelled = timetable.close(form.day(), form.reason().strip());
        return done(PAGE, cancelled == 0 ? "schedule.admin.closed" : "schedule.admin.closedAndCancelled", cancelled,
                redirect);
    }

    @PostMapping("/closed-days/{day}/reopen")
    @OnRefusal(PAGE)
    String reopen(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            RedirectAttributes redirect) {
        timetable.reopen(day);
        return done(PAGE, "schedule.admin.reopened", 0, redirect);
    }

    /** The slots of one date (today when none is given), both ways, with the seats held. */
    @GetMapping("/day")
    String day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        LocalDate today = OfficeTime.today(clock);
        LocalDate day = date == null ? today : date;
        Map<TravelDirection, List<Timetable.DaySlot>> slots = new LinkedHashMap<>();
        for (TravelDirection direction : TravelDirection.values()) {
            slots.put(direction, timetable.day(day, direction));
        }
        model.addAttribute("date", day);
        model.addAttribute("past", day.isBefore(today));
        model.addAttribute("closedBecause", timetable.closedBecause(day));
        model.addAttribute("slots", slots);
        model.addAttribute("now", clock.instant());
        if (!model.containsAttribute("oneOffForm")) {
            model.addAttribute("oneOffForm", OneOffSlotForm.empty(day));
        }
        return DAY_VIEW;
    }

    @PostMapping("/day/slots")
    @OnRefusal(value = DAY_PAGE, keep = "date")
    String addOneOff(@Valid @ModelAttribute("oneOffForm") OneOffSlotForm form, BindingResult result, Model model,
            RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            LocalDate date = form == null || form.date() == null ? null : form.date();
            unreadable(model, "oneOffForm", OneOffSlotForm.empty(date == null ? OfficeTime.today(clock) : date),
                    result, locale);
            return day(date, model);
        }
        timetable.addOneOff(form.key(), form.peopleCap(), form.vehicleCap());
        return done(dayPage(form.date()), "schedule.admin.oneOffAdded", 0, redirect);
    }

    @PostMapping("/slots/{slot}/caps")
    @OnRefusal(value = DAY_PAGE, keep = "date")
    String changeSlotCaps(@PathVariable String slot, @Valid CapsForm form, BindingResult result,
            RedirectAttributes redirect, Locale locale) {
        SlotKey key = key(slot);
        if (result.hasErrors()) {
            return invalid(dayPage(key.date()), result, redirect, locale);
        }
        timetable.changeCaps(key, form.peopleCap(), form.vehicleCap());
        return done(dayPage(key.date()), "schedule.admin.capsChanged", 0, redirect);
    }

    @PostMapping("/slots/{slot}/cancel")
    @OnRefusal(value = DAY_PAGE, keep = "date")
    String cancel(@PathVariable String slot, @Valid CancelForm form, BindingResult result,
            RedirectAttributes redirect, Locale locale) {
        SlotKey key = key(slot);
        if (result.hasErrors()) {
            return invalid(dayPage(key.date()), result, redirect, locale);
        }
        int trips = timetable.cancel(key, form.reason().strip());
        return done(dayPage(key.date()), "schedule.admin.cancelled", trips, redirect);
    }

    private static SlotKey key(String slot) {
        return SlotKey.parse(slot).orElseThrow(() -> new ScheduleChangeRefused("schedule.admin.refused.unknownSlot"));
    }

    private static String dayPage(LocalDate date) {
        return DAY_PAGE + "?date=" + date;
    }

    private static String done(String page, String messageKey, int count, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", messageKey);
        redirect.addFlashAttribute("count", count);
        return "redirect:" + page;
    }

    /**
     * A form with a value that could not even be read (a number that is not one): the record was never made, so the
     * page shows an empty form and what was wrong above it.
     */
    private void unreadable(Model model, String name, Object empty, BindingResult result, Locale locale) {
        if (result.getTarget() == null) {
            model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + name);
            model.addAttribute(name, empty);
            model.addAttribute("problem", describe(result, locale));
        }
    }

    private String describe(BindingResult result, Locale locale) {
        return result.getAllErrors().stream().map(error -> messages.getMessage(error, locale)).distinct()
                .collect(Collectors.joining(" "));
    }

    /** A change asked for in a row of a list: back to the list, saying what was wrong, nothing changed. */
    private String invalid(String page, BindingResult result, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("problem", describe(result, locale));
        return "redirect:" + page;
    }
}
