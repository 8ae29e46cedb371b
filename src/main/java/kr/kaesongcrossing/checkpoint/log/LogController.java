package kr.kaesongcrossing.checkpoint.log;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.checkpoint.scan.Direction;
import kr.kaesongcrossing.checkpoint.scan.Gate;
import kr.kaesongcrossing.checkpoint.scan.ScanDecision;
import kr.kaesongcrossing.checkpoint.scan.ScanReason;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.SpreadsheetCsv;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** The crossing log: every scan, filtered, paged, and exported as CSV (UTF-8 with BOM for Excel). */
@Controller
class LogController {

    private static final String VIEW = "checkpoint/log";
    /** What an accepted scan's alert can be (the log's alert filter). */
    private static final List<ScanReason> ALERTS = List.of(ScanReason.REVOKED, ScanReason.EXPIRED,
            ScanReason.APPLICATION_NOT_APPROVED, ScanReason.STALE_OFFLINE_SCAN, ScanReason.ROUTE_CLOSED);

    private final CrossingLog log;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;

    LogController(CrossingLog log, MessageSource messages, AuditTrail audit, Clock clock) {
        this.log = log;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/checkpoint/log")
    String page(@ModelAttribute("filter") LogFilter raw, BindingResult binding, Model model) {
        LogFilter filter = clean(raw, binding);
        model.addAttribute("filter", filter);
        model.addAttribute("page", log.page(filter));
        model.addAttribute("gates", Gate.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("results", ScanDecision.Result.values());
        model.addAttribute("reasons", ScanReason.values());
        model.addAttribute("alerts", ALERTS);
        model.addAttribute("times", LogFilter.Time.values());
        model.addAttribute("prevUrl", pageUrl("/checkpoint/log", filter, filter.page() - 1));
        model.addAttribute("nextUrl", pageUrl("/checkpoint/log", filter, filter.page() + 1));
        model.addAttribute("csvUrl", pageUrl("/checkpoint/log/export.csv", filter, null));
        return VIEW;
    }

    @GetMapping("/checkpoint/log/export.csv")
    void export(@ModelAttribute("filter") LogFilter raw, BindingResult binding, Locale locale,
            HttpServletResponse response) throws IOException {
        LogFilter filter = clean(raw, binding);
        // recorded before the download (its own transaction): who took the crossing log out of the system
        audit.record("crossing-log.exported", Subject.NONE, "from=" + filter.from() + " to=" + filter.to());
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("crossing-log-" + filter.from() + "-" + filter.to() + ".csv").build().toString());
        SpreadsheetCsv csv = new SpreadsheetCsv(response.getWriter());
        csv.row(List.of(text("checkpoint.log.col.received", locale), text("checkpoint.log.col.scanned", locale),
                text("checkpoint.log.col.gate", locale), text("checkpoint.log.col.direction", locale),
                text("checkpoint.log.col.lane", locale), text("checkpoint.log.col.result", locale),
                text("checkpoint.log.col.reason", locale), text("checkpoint.log.col.alert", locale),
                text("checkpoint.log.col.nameKorean", locale),
                text("checkpoint.log.col.nameLatin", locale), text("checkpoint.log.col.passId", locale),
                text("checkpoint.log.col.operator", locale), text("checkpoint.log.col.override", locale),
                text("checkpoint.log.col.overrideReason", locale), text("checkpoint.log.col.supervisor", locale),
                text("checkpoint.log.col.scanId", locale)));
        log.export(filter, row -> csv.row(List.of(row.receivedText(), row.scannedOfflineText(),
                text("checkpoint.gate." + row.gate(), locale), text("checkpoint.direction." + row.direction(), locale),
                row.lane(),
                text("checkpoint.result." + row.result(), locale),
                row.reason() == null ? "" : text("checkpoint.reason.short." + row.reason(), locale),
                row.alert() == null ? "" : text("checkpoint.reason.short." + row.alert(), locale),
                nullToEmpty(row.holderNameKorean()), nullToEmpty(row.holderNameLatin()),
                nullToEmpty(row.passId()), row.operatorName(),
                row.override() ? text("checkpoint.log.override", locale) : "",
                nullToEmpty(row.overrideReason()), nullToEmpty(row.supervisorName()), row.scanId())));
        csv.flush();
    }

    /** Ignores filter fields that did not parse (e.g. a hand-edited reason) instead of failing the page. */
    private LogFilter clean(LogFilter raw, BindingResult binding) {
        LogFilter filter = binding.hasErrors() || raw == null
                ? new LogFilter(binding.hasFieldErrors("from") || raw == null ? null : raw.from(),
                        binding.hasFieldErrors("to") || raw == null ? null : raw.to(),
                        binding.hasFieldErrors("gate") || raw == null ? null : raw.gate(),
                        binding.hasFieldErrors("direction") || raw == null ? null : raw.direction(),
                        binding.hasFieldErrors("result") || raw == null ? null : raw.result(),
                        binding.hasFieldErrors("reason") || raw == null ? null : raw.reason(),
                        binding.hasFieldErrors("alert") || raw == null ? null : raw.alert(),
                        binding.hasFieldErrors("time") || raw == null ? null : raw.time(),
                        raw == null ? null : raw.name(),
                        binding.hasFieldErrors("page") || raw == null ? null : raw.page())
                : raw;
        return filter.normalised(OfficeTime.today(clock));
    }

    private static String pageUrl(String path, LogFilter filter, Integer page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path)
                .queryParam("from", filter.from().format(DateTimeFormatter.ISO_LOCAL_DATE))
                .queryParam("to", filter.to().format(DateTimeFormatter.ISO_LOCAL_DATE));
        if (filter.gate() != null) {
            url.queryParam("gate", filter.gate());
        }
        if (filter.direction() != null) {
            url.queryParam("direction", filter.direction());
        }
        if (filter.result() != null) {
            url.queryParam("result", filter.result());
        }
        if (filter.reason() != null) {
            url.queryParam("reason", filter.reason());
        }
        if (filter.alert() != null) {
            url.queryParam("alert", filter.alert());
        }
        if (filter.time() != LogFilter.Time.RECEIVED) {
            url.queryParam("time", filter.time());
        }
        if (!filter.name().isEmpty()) {
            url.queryParam("name", filter.name());
        }
        if (page != null) {
            url.queryParam("page", page);
        }
        return url.encode().build().toUriString();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
