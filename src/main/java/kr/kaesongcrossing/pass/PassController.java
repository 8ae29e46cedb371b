package kr.kaesongcrossing.pass;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.DisclosureReason;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.OnRefusal;
import kr.kaesongcrossing.system.Photos;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The holder's passes and, for staff, any pass. A civilian who asks for a pass that is not theirs (or does not
 * exist) gets 403, so pass ids cannot be probed; staff get 404 for unknown ids.
 */
@Controller
class PassController {

    static final String VIEW_LIST = "pass/list";
    static final String VIEW_DETAIL = "pass/detail";
    private static final String DETAIL_PAGE = "/passes/{passId}";
    private static final int STAFF_LIST_SIZE = 50;
    private static final MediaType IMAGE_JPEG = MediaType.IMAGE_JPEG;

    private final PassRepository passes;
    private final PassPhotoRepository photos;
    private final PassLifecycle lifecycle;
    private final PassPdf pdf;
    private final AuditTrail audit;
    private final Clock clock;

    PassController(PassRepository passes, PassPhotoRepository photos, PassLifecycle lifecycle, PassPdf pdf,
            AuditTrail audit, Clock clock) {
        this.passes = passes;
        this.photos = photos;
        this.lifecycle = lifecycle;
        this.pdf = pdf;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/passes")
    String list(@AuthenticationPrincipal AccountPrincipal user, @RequestParam(required = false) String q,
            Model model) {
        Instant now = clock.instant();
        List<Pass> found;
        if (!isStaff(user)) {
            found = passes.findByHolderAccountIdOrderByIssuedAtDescKindAsc(user.id());
        } else if (q == null || q.isBlank()) {
            found = passes.findAllByOrderByIssuedAtDescKindAsc(PageRequest.of(0, STAFF_LIST_SIZE));
        } else {
            found = passes.search(q.strip(), PageRequest.of(0, STAFF_LIST_SIZE));
        }
        model.addAttribute("passes", found.stream().map(p -> PassView.of(p, now)).toList());
        model.addAttribute("staff", isStaff(user));
        model.addAttribute("q", q == null ? "" : q.strip());
        return VIEW_LIST;
    }

    @GetMapping("/passes/{passId}")
    String detail(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String passId, Model model) {
        Pass pass = visible(passId, user);
        Instant now = clock.instant();
        PassView view = PassView.of(pass, now);
        model.addAttribute("pass", view);
        model.addAttribute("qrDisplaySize", view.usable() ? QrCodes.pngSize(view.token()) / 2 : 0);
        model.addAttribute("hasPhoto", photos.existsById(pass.getId()));
        model.addAttribute("staff", isStaff(user));
        model.addAttribute("officer", user.role() == Role.OFFICER);
        model.addAttribute("canReissue", pass.reissuableAt(now));
        model.addAttribute("disclosureReasons", DisclosureReason.values());
        PassView vehiclePass = view.vehicle() || pass.getApplicationId() == null ? null
                : passes.findByCurrentVehicleForApplication(pass.getApplicationId())
                        .filter(v -> v.isHeldBy(pass.getHolderAccountId())).map(v -> PassView.of(v, now))
                        .orElse(null);
        model.addAttribute("vehiclePass", vehiclePass);
        model.addAttribute("vehicleQrDisplaySize", vehiclePass != null && vehiclePass.usable()
                ? QrCodes.pngSize(vehiclePass.token()) / 2 : 0);
        return VIEW_DETAIL;
    }

    @GetMapping("/passes/{passId}/qr.png")
    ResponseEntity<byte[]> qr(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String passId) {
        Pass pass = withToken(visible(passId, user));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(QrCodes.png(pass.getToken()));
    }

    /**
     * The photo as the page shows it: the holder's own stored photo, or for staff a thumbnail (looking at a pass does
     * not hand out a copy of the face; the full size is {@link #downloadPhoto}, audited).
     */
    @GetMapping("/passes/{passId}/photo")
    ResponseEntity<byte[]> photo(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String passId) {
        byte[] jpeg = storedPhoto(visible(passId, user));
        return ResponseEntity.ok().contentType(IMAGE_JPEG).cacheControl(CacheControl.noStore().cachePrivate())
                .body(isStaff(user) ? Photos.thumbnail(jpeg) : jpeg);
    }

    /** The full-size photo as a file, for staff with a reason the audit trail keeps; without one, the page says so. */
    @PostMapping("/passes/{passId}/photo")
    Object downloadPhoto(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String passId,
            @Valid DisclosureReason.Form form, BindingResult result, Model model) {
        if (!isStaff(user)) {
            throw new AccessDeniedException("Full-size downloads are for staff; holders see their own photo");
        }
        Pass pass = visible(passId, user);
        if (result.hasErrors()) {
            model.addAttribute("photoError", true);
            return detail(user, passId, model);
        }
        byte[] jpeg = storedPhoto(pass);
        audit.record("pass.photo-downloaded", Subject.of("pass", pass.getPassId()), "reason=" + form.reason());
        return ResponseEntity.ok().contentType(IMAGE_JPEG).cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("pass-photo-" + pass.getPassId() + ".jpg").build().toString())
                .body(jpeg);
    }

    private byte[] storedPhoto(Pass pass) {
        return photos.findById(pass.getId()).map(PassPhoto::getJpeg)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/passes/{passId}/pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String passId,
            Locale locale) {
        Pass pass = withToken(visible(passId, user));
        byte[] photo = photos.findById(pass.getId()).map(PassPhoto::getJpeg).orElse(null);
        byte[] document = pdf.render(PassView.of(pass, clock.instant()), photo, locale);
        String filename = "kaesong-pass-" + pass.getApplicationReference().replaceAll("[^A-Za-z0-9-]", "") + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build()
                        .toString())
                .body(document);
    }

    /** An anonymised pass (retention) has no token and no holder any more: no QR code, no document. */
    private static Pass withToken(Pass pass) {
        if (pass.getToken() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return pass;
    }

    @PostMapping("/passes/{passId}/revoke")
    @PreAuthorize("hasRole('OFFICER')")
    @OnRefusal(DETAIL_PAGE)
    String revoke(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String passId,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        Pass pass = visible(passId, user);
        lifecycle.revoke(pass.getPassId(), reason, user.id());
        redirect.addFlashAttribute("success", "pass.revoke.done");
        return "redirect:/passes/" + pass.getPassId();
    }

    @PostMapping("/passes/{passId}/reissue")
    @PreAuthorize("hasRole('OFFICER')")
    @OnRefusal(DETAIL_PAGE)
    String reissue(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String passId,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        Pass replacement = lifecycle.reissue(visible(passId, user).getPassId(), reason, user.id());
        redirect.addFlashAttribute("success", "pass.reissue.done");
        return "redirect:/passes/" + replacement.getPassId();
    }

    private Pass visible(String passId, AccountPrincipal user) {
        Optional<Pass> pass = PassTokens.looksLikePassId(passId) ? passes.findByPassId(passId) : Optional.empty();
        if (isStaff(user)) {
            return pass.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return pass.filter(p -> p.isHeldBy(user.id()))
                .orElseThrow(() -> new AccessDeniedException("Not the holder of this pass"));
    }

    private static boolean isStaff(AccountPrincipal user) {
        return user.role() == Role.OFFICER || user.role() == Role.CHECKPOINT || user.role() == Role.SUPERVISOR || user.role() == Role.ADMIN;
    }
}
