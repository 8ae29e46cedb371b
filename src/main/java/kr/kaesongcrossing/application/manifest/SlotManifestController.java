package kr.kaesongcrossing.application.manifest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.application.consent.SlotConsents;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.ApplicationMessages;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.schedule.Slot;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The slots of the coming days and each slot's manifest for the North under {@code /review/slots} (office staff):
 * the list as it stands, its recorded versions as CSV and PDF, what changed since the version sent, and the
 * counterpart's consent list for the slot.
 */
@Controller
class SlotManifestController {

    private static final String SLOTS = "manifest/slots";
    private static final String SLOT = "manifest/slot";
    private static final String SLOT_PAGE = "/review/slots/{slot}";
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final Manifests manifests;
    private final SlotConsents consents;
    private final ManifestCsv csv;
    private final ManifestPdf pdf;
    private final ApplicationMessages messages;
    private final AuditTrail audit;

    SlotManifestController(Manifests manifests, SlotConsents consents, ManifestCsv csv, ManifestPdf pdf,
            ApplicationMessages messages, AuditTrail audit) {
        this.manifests = manifests;
        this.consents = consents;
        this.csv = csv;
        this.pdf = pdf;
        this.messages = messages;
        this.audit = audit;
    }

    /** Travellers added to and removed from the list since the version sent to the North. */
    record Changes(List<Manifest.Traveller> added, List<Manifest.Traveller> removed) {

        static Changes between(Manifest sent, Manifest now) {
            Set<String> before = sent.references();
            Set<String> after = now.references();
            return new Changes(now.travellers().stream().filter(t -> !before.contains(t.reference())).toList(),
                    sent.travellers().stream().filter(t -> !after.contains(t.reference())).toList());
        }

        public boolean none() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    @GetMapping("/review/slots")
    String slots(Model model) {
        model.addAttribute("rows", manifests.coming());
        return SLOTS;
    }

    @GetMapping("/review/slots/{slot}")
    String slot(@PathVariable("slot") String text, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        SlotKey key = key(text);
        Slot slot = manifests.slot(key).orElseThrow(SlotNotFoundException::new);
        Manifests.Current current = manifests.current(key);
        List<ManifestVersion> versions = manifests.versions(key);
        Optional<ManifestVersion> latest = versions.stream().findFirst();
        Optional<ManifestVersion> sent = versions.stream().filter(ManifestVersion::sent).findFirst();
        model.addAttribute("slot", slot);
        model.addAttribute("key", key.toString());
        model.addAttribute("current", current);
        model.addAttribute("m", current.manifest());
        model.addAttribute("versions", versions);
        model.addAttribute("latest", latest.orElse(null));
        model.addAttribute("changedSinceLatest", latest.map(v -> !v.manifest().toText()
                .equals(current.manifest().toText())).orElse(!current.manifest().travellers().isEmpty()));
        model.addAttribute("sent", sent.orElse(null));
        model.addAttribute("changes", sent.map(v -> Changes.between(v.manifest(), current.manifest())).orElse(null));
        model.addAttribute("consented", consents.consentedIn(key));
        model.addAttribute("reviewer", Actor.of(user));
        return SLOT;
    }

    @PostMapping("/review/slots/{slot}/versions")
    @OnRefusal(SLOT_PAGE)
    String record(@PathVariable("slot") String text, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect, Locale locale) {
        SlotKey key = key(text);
        manifests.slot(key).orElseThrow(SlotNotFoundException::new);
        int version = manifests.record(key, Actor.of(user));
        redirect.addFlashAttribute("notice", messages.get("manifest.recorded", locale, version));
        return "redirect:/review/slots/" + key;
    }

    @PostMapping("/review/slots/{slot}/versions/{version}/sent")
    @OnRefusal(SLOT_PAGE)
    String markSent(@PathVariable("slot") String text, @PathVariable int version,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect, Locale locale) {
        SlotKey key = key(text);
        manifests.markSent(key, version, Actor.of(user));
        redirect.addFlashAttribute("notice", messages.get("manifest.markedSent", locale, version));
        return "redirect:/review/slots/" + key;
    }

    @GetMapping("/review/slots/{slot}/versions/{version}/manifest.csv")
    ResponseEntity<byte[]> csv(@PathVariable("slot") String text, @PathVariable int version) {
        ManifestVersion found = version(text, version);
        audit.record("manifest.exported", Subject.of("slot", text), "version=" + version + " format=csv");
        return download(csv.write(found), CSV, found, "csv");
    }

    @GetMapping("/review/slots/{slot}/versions/{version}/manifest.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable("slot") String text, @PathVariable int version) {
        ManifestVersion found = version(text, version);
        audit.record("manifest.exported", Subject.of("slot", text), "version=" + version + " format=pdf");
        return download(pdf.render(found), MediaType.APPLICATION_PDF, found, "pdf");
    }

    private ManifestVersion version(String text, int version) {
        return manifests.version(key(text), version).orElseThrow(SlotNotFoundException::new);
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, ManifestVersion version,
            String extension) {
        String name = "manifest-" + version.manifest().slot() + "-v" + version.version() + "." + extension;
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(body);
    }

    /** The slot the path names; anything that does not read as a slot key is "not found". */
    static SlotKey key(String text) {
        return SlotKey.parse(text).orElseThrow(SlotNotFoundException::new);
    }
}
