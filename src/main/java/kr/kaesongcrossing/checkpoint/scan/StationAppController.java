package kr.kaesongcrossing.checkpoint.scan;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline-capable scan station's shell ({@code /station/}), an installable web app: the page, its manifest
 * and its service worker {@code /station/sw.js}, whose scope is {@code /station/}; so the app lives
 * at {@code /station/} and {@code /station} sends there. All public: they hold no data (the traveller data comes
 * from the API with the paired device's token), and a reload while the link is cut must work from the cache.
 */
@Controller
class StationAppController {

    private static final Resource SERVICE_WORKER = new ClassPathResource("station/sw.js");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The page's own strings (station.*), and the checkpoint's for the verdicts. */
    private static final List<String> KEYS = List.of("checkpoint.verdict.ACCEPTED.NORTHBOUND",
            "checkpoint.verdict.ACCEPTED.SOUTHBOUND", "checkpoint.verdict.REJECTED", "checkpoint.verdict.ALERTED",
            "checkpoint.accepted.NORTHBOUND", "checkpoint.accepted.SOUTHBOUND", "checkpoint.alerted",
            "checkpoint.alerted.ROUTE_CLOSED", "checkpoint.alert.title", "checkpoint.alert.next",
            "checkpoint.station.photo", "checkpoint.camera.error", "station.status.online",
            "station.status.offline", "station.status.queued", "station.status.age", "station.status.noData",
            "station.status.syncing", "station.offline.marker", "station.offline.tooOld", "station.offline.noData",
            "station.offline.unknownTraveller", "station.sync.report", "station.sync.conflicts",
            "station.sync.conflict", "station.sync.failed", "station.unpair.confirm", "station.unpair.queued",
            "station.revoked", "station.unpaired", "station.gate.lane", "station.camera.unavailable",
            "station.camera.denied", "station.camera.stop", "station.camera.start");

    private final MessageSource messages;
    private final Route route;
    private final Duration clockSkew;

    StationAppController(MessageSource messages, Route route,
            @Value("${kc.checkpoint.clock-skew:PT2M}") Duration clockSkew) {
        this.messages = messages;
        this.route = route;
        this.clockSkew = clockSkew;
    }

    @GetMapping("/station")
    String home() {
        return "redirect:/station/";
    }

    @GetMapping("/station/")
    String app(Model model, Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : KEYS) {
            texts.put(key, messages.getMessage(key, null, locale));
        }
        for (ScanReason reason : ScanReason.values()) {
            put(texts, "checkpoint.reason." + reason, locale);
            put(texts, "checkpoint.reason.short." + reason, locale);
            put(texts, "checkpoint.alert." + reason, locale);
        }
        for (Gate gate : Gate.values()) {
            texts.put("checkpoint.gate." + gate, messages.getMessage("checkpoint.gate." + gate, null, locale));
        }
        model.addAttribute("texts", JSON.writeValueAsString(texts).replace("<", "\\u003c"));
        model.addAttribute("clockSkewSeconds", clockSkew.toSeconds());
        model.addAttribute("routeGates", String.join(",", route.gates().stream().map(Gate::name).toList()));
        return "station/app";
    }

    /** The web app manifest, in the visitor's language. */
    @GetMapping(path = "/station/manifest.webmanifest")
    ResponseEntity<String> manifest(Locale locale) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", messages.getMessage("station.app.name", null, locale));
        manifest.put("short_name", messages.getMessage("station.app.shortName", null, locale));
        manifest.put("lang", locale.getLanguage());
        manifest.put("start_url", "/station/");
        manifest.put("scope", "/station/");
        manifest.put("display", "standalone");
        manifest.put("background_color", "#ffffff");
        manifest.put("theme_color", "#0b50d0");
        manifest.put("icons", List.of(
                Map.of("src", "/img/station-icon-192.png", "sizes", "192x192", "type", "image/png"),
                Map.of("src", "/img/station-icon-512.png", "sizes", "512x512", "type", "image/png",
                        "purpose", "any maskable")));
        return ResponseEntity.ok().contentType(MediaType.valueOf("application/manifest+json"))
                .body(JSON.writeValueAsString(manifest));
    }

    /**
     * The service worker, at a fixed address (a worker's URL is its identity, so not content-hashed like the other
     * scripts) and never cached by HTTP, so that a new version is picked up at the next check.
     */
    @GetMapping(path = "/station/sw.js")
    ResponseEntity<Resource> serviceWorker() {
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/javascript")).cacheControl(CacheControl.noCache())
                .body(SERVICE_WORKER);
    }

    private void put(Map<String, String> texts, String key, Locale locale) {
        try {
            texts.put(key, messages.getMessage(key, null, locale));
        } catch (NoSuchMessageException e) {
            // not every reason has a short text or an alert
        }
    }
}
