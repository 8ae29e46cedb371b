package kr.kaesongcrossing.audit;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for administrators ({@code /admin/audit}, ADMIN by the common /admin rule): filter and page
 * through the events, verify the chain, see the latest anchors, export a date range as CSV. Verifying and
 * exporting are themselves recorded.
 */
@Controller
class AuditAdminController {

    private static final String VIEW = "admin/audit";

    private final AuditLog log;
    private final AuditChain chain;
    private final AuditAnchors anchors;
    private final AuditTrail trail;
    private final MessageSource messages;

    AuditAdminController(AuditLog log, AuditChain chain, AuditAnchors anchors, AuditTrail trail,
            MessageSource messages) {
        this.log = log;
        this.chain = chain;
        this.anchors = anchors;
        this.trail = trail;
        this.messages = messages;
    }

    /** An anchor as the page shows it. */
    record AnchorRow(String time, long eventId, String hash) {
    }

    @GetMapping("/admin/audit")
    String page(@Valid @ModelAttribute("auditFilter") AuditFilter filter, BindingResult binding,
            @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("events", log.page(binding.hasErrors() ? AuditFilter.NONE : filter, page - 1));
        addCommon(model);
        if (!model.containsAttribute("export")) {
            model.addAttribute("export", new AuditExportForm(null, null));
        }
        return VIEW;
    }

    /** Answers with the page itself (verifying again on a reload does no harm). */
    @PostMapping("/admin/audit/verify")
    String verify(Model model) {
        AuditChain.Verification result = chain.verify();
        trail.record("audit.verified", Subject.NONE, result.ok() ? "result=ok checked=" + result.checked()
                : "result=" + result.problem() + " row=" + result.firstBadId());
        model.addAttribute("verification", result);
        model.addAttribute("auditFilter", AuditFilter.NONE);
        model.addAttribute("events", log.page(AuditFilter.NONE, 0));
        model.addAttribute("export", new AuditExportForm(null, null));
        addCommon(model);
        return VIEW;
    }

    /** Streams the CSV (UTF-8 with BOM for spreadsheets); the export is recorded first, in its own transaction. */
    @PostMapping("/admin/audit/export")
    String export(@Valid @ModelAttribute("export") AuditExportForm form, BindingResult binding, Locale locale,
            Model model, HttpServletResponse response) throws IOException {
        if (!binding.hasErrors() && !form.rangeAllowed()) {
            binding.reject("audit.export.range");
        }
        if (binding.hasErrors()) {
            model.addAttribute("auditFilter", AuditFilter.NONE);
            model.addAttribute("events", log.page(AuditFilter.NONE, 0));
            addCommon(model);
            return VIEW;
        }
        trail.record("audit.exported", Subject.NONE, "from=" + form.from() + " to=" + form.to());
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("audit-" + form.from() + "-" + form.to() + ".csv").build().toString());
        SpreadsheetCsv csv = new SpreadsheetCsv(response.getWriter());
        csv.row(List.of("id", text("audit.col.time", locale), text("audit.col.actorKind", locale),
                text("audit.col.actor", locale), text("audit.col.role", locale), text("audit.col.action", locale),
                text("audit.col.subjectType", locale), text("audit.col.subject", locale),
                text("audit.col.outcome", locale), text("audit.col.address", locale),
                text("audit.col.detail", locale), "hash"));
        log.export(OfficeTime.startOfDay(form.from()), OfficeTime.endOfDay(form.to()), row -> csv.row(List.of(
                Long.toString(row.id()), row.time(), row.actorKind().name(), nullToEmpty(row.actorId()),
                nullToEmpty(row.actorRole()), row.action(), nullToEmpty(row.subjectType()),
                nullToEmpty(row.subjectId()), row.outcome().name(), nullToEmpty(row.clientAddress()),
                nullToEmpty(row.detail()), row.hash())));
        csv.flush();
        return null;
    }

    private void addCommon(Model model) {
        model.addAttribute("actorKinds", Actor.Kind.values());
        model.addAttribute("anchors", anchors.latest().stream()
                .map(a -> new AnchorRow(OfficeTime.seconds(a.getAnchoredAt()), a.getEventId(), a.getHash()))
                .toList());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
