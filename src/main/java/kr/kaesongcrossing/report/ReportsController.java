package kr.kaesongcrossing.report;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import kr.kaesongcrossing.report.ReportQueries.DayCount;
import kr.kaesongcrossing.report.ReportQueries.GroupCount;
import kr.kaesongcrossing.report.ReportQueries.ReasonCount;
import kr.kaesongcrossing.report.ReportQueries.SlotFill;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.PdfDocuments;
import kr.kaesongcrossing.system.SpreadsheetCsv;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /reports}: the last 90 days as charts (Chart.js, drawn by {@code static/js/reports.js} from the JSON block
 * the page carries, labels already in the page's language) with each chart's numbers in a table; and the monthly
 * report as a page, a CSV and a PDF. All GETs that read only.
 */
@Controller
class ReportsController {

    static final int DAYS = 90;
    private static final int WEEKS = 12;
    private static final int LAG_DAYS = 30;
    private static final YearMonth FIRST_MONTH = YearMonth.of(2000, 1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReportQueries queries;
    private final MessageSource messages;
    private final PdfDocuments pdf;
    private final Clock clock;

    ReportsController(ReportQueries queries, MessageSource messages, PdfDocuments pdf, Clock clock) {
        this.queries = queries;
        this.messages = messages;
        this.pdf = pdf;
        this.clock = clock;
    }

    @GetMapping("/reports")
    String page(@RequestParam(required = false) String day, Locale locale, Model model) {
        LocalDate today = OfficeTime.today(clock);
        LocalDate from = today.minusDays(DAYS - 1);
        LocalDate chosen = parseDay(day, from, today);
        if (chosen == null) {
            model.addAttribute("badDay", true);
            chosen = today;
        }
        List<DayCount> crossings = queries.crossingsPerDay(from, today);
        List<SlotFill> fill = queries.slotFill(today.minusDays(29), today.plusDays(14));
        List<ReasonCount> refusals = queries.refusals(from, today);
        List<ReportQueries.WeekReview> reviews = queries.reviewTimes(today.minusWeeks(WEEKS - 1), today);
        List<ReportQueries.SlotLag> lags = queries.consentLag(today.minusDays(LAG_DAYS - 1), today);
        List<ReportQueries.HourInside> inside = queries.insideByHour(chosen, clock.instant());
        model.addAttribute("from", from);
        model.addAttribute("today", today);
        model.addAttribute("day", chosen);
        model.addAttribute("crossings", crossings);
        model.addAttribute("fill", fill);
        model.addAttribute("refusals", refusals);
        model.addAttribute("reviews", reviews);
        model.addAttribute("lags", lags);
        model.addAttribute("inside", inside);
        model.addAttribute("lastMonth", YearMonth.from(today).minusMonths(1));

        String north = text("checkpoint.direction.NORTHBOUND", locale);
        String south = text("checkpoint.direction.SOUTHBOUND", locale);
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("crossings", chart("bar", labels(crossings, d -> d.day().toString()),
                text("report.axis.day", locale), text("report.axis.people", locale),
                dataset(north, crossings, DayCount::northbound), dataset(south, crossings, DayCount::southbound)));
        charts.put("fill", chart("line", labels(fill, f -> f.day().toString()),
                text("report.axis.day", locale), text("report.axis.percent", locale),
                dataset(north, fill, SlotFill::northPercent), dataset(south, fill, SlotFill::southPercent)));
        charts.put("refusals", chart("bar", labels(refusals, r -> reason(r.reason(), locale)),
                text("report.axis.reason", locale), text("report.axis.scans", locale),
                dataset(text("report.refusals.count", locale), refusals, ReasonCount::count)));
        charts.put("reviews", chart("line", labels(reviews, w -> w.monday().toString()),
                text("report.axis.week", locale), text("report.axis.hours", locale),
                dataset(text("report.reviews.median", locale), reviews, ReportQueries.WeekReview::medianHours),
                dataset(text("report.reviews.p90", locale), reviews, ReportQueries.WeekReview::p90Hours)));
        charts.put("lags", chart("bar", labels(lags, ReportQueries.SlotLag::slot),
                text("report.axis.slot", locale), text("report.axis.hours", locale),
                dataset(text("report.lags.median", locale), lags, ReportQueries.SlotLag::medianHours)));
        charts.put("inside", chart("line",
                labels(inside, h -> text("report.hour", locale, h.hourText())),
                text("report.axis.hour", locale), text("report.axis.people", locale),
                dataset(text("report.inside.count", locale), inside, ReportQueries.HourInside::inside)));
        // in a script element entities are not decoded: "<" written as JSON's own escape keeps "</script>" out
        model.addAttribute("chartData", JSON.writeValueAsString(charts).replace("<", "\\u003c"));
        return "report/reports";
    }

    @GetMapping("/reports/monthly")
    ModelAndView monthly(@RequestParam(required = false) String month) {
        YearMonth chosen = month(month);
        ModelAndView page = new ModelAndView("report/monthly");
        if (chosen == null) {
            page.setStatus(HttpStatus.BAD_REQUEST);
            page.addObject("badMonth", true);
            page.addObject("month", YearMonth.from(OfficeTime.today(clock)).minusMonths(1));
        } else {
            page.addObject("month", chosen);
            page.addObject("report", MonthlyReport.of(queries, chosen));
        }
        return page;
    }

    @GetMapping("/reports/monthly.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String month, Locale locale) throws IOException {
        YearMonth chosen = month(month);
        if (chosen == null) {
            return backToPage(month);
        }
        MonthlyReport report = MonthlyReport.of(queries, chosen);
        StringWriter out = new StringWriter();
        SpreadsheetCsv csv = new SpreadsheetCsv(out);
        csv.row(List.of(text("report.col.section", locale), text("report.col.organisation", locale),
                text("report.col.purpose", locale), text("report.col.item", locale),
                text("checkpoint.direction.NORTHBOUND", locale), text("checkpoint.direction.SOUTHBOUND", locale),
                text("report.col.value", locale)));
        String crossingsSection = text("report.monthly.crossings", locale);
        for (GroupCount g : report.groups()) {
            csv.row(List.of(crossingsSection, organisation(g.organisation(), locale), purpose(g.purpose(), locale),
                    "", Long.toString(g.northbound()), Long.toString(g.southbound()), ""));
        }
        String refusalsSection = text("report.monthly.refusals", locale);
        for (ReasonCount r : report.refusals()) {
            csv.row(List.of(refusalsSection, "", "", reason(r.reason(), locale), "", "", Long.toString(r.count())));
        }
        csv.row(List.of(text("report.monthly.overrides", locale), "", "", "",
                Long.toString(report.overrides().northbound()), Long.toString(report.overrides().southbound()), ""));
        String stay = text("report.monthly.stay", locale);
        csv.row(List.of(stay, "", "", text("report.monthly.stay.visits", locale), "", "",
                Long.toString(report.stay().visits())));
        csv.row(List.of(stay, "", "", text("report.monthly.stay.hours", locale), "", "",
                Double.toString(report.stay().averageHours())));
        csv.flush();
        return download(out.toString().getBytes(StandardCharsets.UTF_8), "text/csv;charset=UTF-8",
                "monthly-report-" + chosen + ".csv");
    }

    @GetMapping("/reports/monthly.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String month, Locale locale) {
        YearMonth chosen = month(month);
        if (chosen == null) {
            return backToPage(month);
        }
        byte[] document = pdf.render("report/monthly-pdf", Map.of("report", MonthlyReport.of(queries, chosen)),
                locale);
        return download(document, MediaType.APPLICATION_PDF_VALUE, "monthly-report-" + chosen + ".pdf");
    }

    private static ResponseEntity<byte[]> download(byte[] body, String type, String filename) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }

    /**
     * A download of a bad month goes to the month's page, which says what is wrong. The value is a template variable
     * (braces in it are text, not a template) and at most 20 characters: it is already not a month.
     */
    private static ResponseEntity<byte[]> backToPage(String month) {
        String shown = month.length() > 20 ? month.substring(0, 20) : month;
        URI page = UriComponentsBuilder.fromPath("/reports/monthly").queryParam("month", "{month}").encode()
                .buildAndExpand(shown).toUri();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(page).build();
    }

    /** The month asked for (last month when none), or null for a bad or future one. */
    private YearMonth month(String month) {
        YearMonth current = YearMonth.from(OfficeTime.today(clock));
        if (month == null || month.isBlank()) {
            return current.minusMonths(1);
        }
        try {
            YearMonth chosen = month.length() <= 7 ? YearMonth.parse(month.strip()) : null;
            return chosen == null || chosen.isAfter(current) || chosen.isBefore(FIRST_MONTH) ? null : chosen;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate parseDay(String day, LocalDate from, LocalDate to) {
        if (day == null || day.isBlank()) {
            return to;
        }
        try {
            LocalDate parsed = day.length() <= 10 ? LocalDate.parse(day.strip()) : null;
            return parsed == null || parsed.isBefore(from) || parsed.isAfter(to) ? null : parsed;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String organisation(String organisation, Locale locale) {
        return organisation == null || organisation.isBlank() ? text("report.monthly.noOrganisation", locale)
                : organisation;
    }

    private String purpose(String purpose, Locale locale) {
        return purpose == null ? text("report.monthly.noPurpose", locale)
                : messages.getMessage("application.purpose." + purpose, null, purpose, locale);
    }

    private String reason(String reason, Locale locale) {
        return messages.getMessage("checkpoint.reason.short." + reason, null, reason, locale);
    }

    private static Map<String, Object> chart(String type, List<String> labels, String xTitle, String yTitle,
            Map<?, ?>... datasets) {
        return Map.of("type", type, "labels", labels, "x", xTitle, "y", yTitle, "datasets", List.of(datasets));
    }

    private static <T> List<String> labels(List<T> rows, Function<T, String> label) {
        return rows.stream().map(label).toList();
    }

    private static <T> Map<String, Object> dataset(String label, List<T> rows, Function<T, Number> value) {
        List<Number> data = new ArrayList<>(rows.size());
        rows.forEach(r -> data.add(value.apply(r)));
        return Map.of("label", label, "data", data);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
