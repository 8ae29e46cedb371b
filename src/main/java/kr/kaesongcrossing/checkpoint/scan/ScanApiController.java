package kr.kaesongcrossing.checkpoint.scan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.checkpoint.device.DeviceTokens;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.WebUtils;

/** The scanner devices' JSON API (security: {@link ApiSecurityConfig}). */
@RestController
class ScanApiController {

    private static final String SCAN_ID_PATTERN = "[A-Za-z0-9_\\-]{8,50}";
    private static final String DIRECTIONS = "NORTHBOUND|SOUTHBOUND|ENTRY|EXIT";
    private static final String GATES = "DORASAN|KAESONG";
    static final Pattern SCAN_ID = Pattern.compile(SCAN_ID_PATTERN);
    static final int MAX_LANE = 40;

    /** One scan; text fields are checked here (not by JSON types) so that a 400 names every invalid field. */
    @Schema(description = "One scan from a lane device")
    record ScanBody(
            @Schema(description = "Idempotency key chosen by the device (a UUID); the same id gets the same answer",
                    example = "3f0b2a9e-4c1d-4e8a-9a55-1c2d3e4f5a6b")
            @NotNull @jakarta.validation.constraints.Pattern(regexp = SCAN_ID_PATTERN) String scanId,
            @Schema(description = "The compact JWS read from the pass's QR code")
            @NotBlank @Size(max = TokenInput.MAX_LENGTH) String token,
            @Schema(description = "The lane's direction at its gate. NORTHBOUND: 출경, towards the Kaesong office zone; "
                    + "SOUTHBOUND: 입경, back towards the South. ENTRY and EXIT (older devices) mean NORTHBOUND and "
                    + "SOUTHBOUND at the zone gate and are refused at any other gate",
                    allowableValues = {"NORTHBOUND", "SOUTHBOUND", "ENTRY", "EXIT"}, example = "NORTHBOUND")
            @NotNull @jakarta.validation.constraints.Pattern(regexp = DIRECTIONS) String direction,
            @Schema(description = "The lane's gate on the route (kc.route.gates, south to north, e.g. DORASAN, "
                    + "KAESONG); omit for the zone gate (the last one)", allowableValues = {"DORASAN", "KAESONG"},
                    example = "DORASAN", nullable = true)
            @jakarta.validation.constraints.Pattern(regexp = GATES) String gate,
            @Schema(description = "Lane name, at most 40 characters", example = "1")
            @NotBlank @Size(max = MAX_LANE) String lane,
            @Schema(description = "ISO-8601 instant of a scan made offline; omit for now. Older than the offline "
                    + "window (kc.checkpoint.offline-window, default 12 h) when it arrives: REJECTED with "
                    + "STALE_OFFLINE_SCAN, except SOUTHBOUND for someone in transit or inside (ACCEPTED with that "
                    + "alert)",
                    example = "2026-11-10T01:02:03Z") @InstantText String scannedAt) {

        ScanBody {
            token = TokenInput.clean(token);
            lane = lane == null ? null : lane.strip();
        }
    }

    record Holder(String name, String nameLatin, String photoUrl) {
    }

    record ScanResponse(String scanId,
            @Schema(allowableValues = {"ACCEPTED", "REJECTED"}) String decision,
            @Schema(description = "Why a scan was REJECTED", allowableValues = {"MALFORMED", "INVALID_SIGNATURE",
                    "UNKNOWN_KEY", "NOT_FOUND", "ROUTE_CLOSED", "STALE_OFFLINE_SCAN", "REVOKED", "NOT_YET_VALID",
                    "EXPIRED", "APPLICATION_NOT_APPROVED", "ALREADY_INSIDE", "NOT_INSIDE", "WRONG_GATE_ORDER",
                    "NO_CONSENT_FOR_SLOT", "OUTSIDE_SLOT", "NO_BOOKED_SLOT", "WATCHLIST",
                    "VEHICLE_PASS_AT_PERSON_LANE"}) String reason,
            @Schema(description = "Set on an ACCEPTED SOUTHBOUND scan of someone in transit or inside when something "
                    + "is wrong (the pass is no longer good, the gate before was not scanned, the route is CLOSED, or "
                    + "the return is outside the traveller's slot, the holder may be on the watch list): let the "
                    + "holder out, then report",
                    allowableValues = {"REVOKED", "EXPIRED", "APPLICATION_NOT_APPROVED", "STALE_OFFLINE_SCAN",
                            "WRONG_GATE_ORDER", "ROUTE_CLOSED", "OUTSIDE_SLOT", "WATCHLIST"},
                    nullable = true) String alert,
            String message, Holder holder, String validUntil) {
    }

    record ApiError(String error, String message, List<String> fields) {
    }

    private final ScanService scans;
    private final Route route;
    private final MessageSource messages;
    private final Clock clock;

    ScanApiController(ScanService scans, Route route, MessageSource messages, Clock clock) {
        this.scans = scans;
        this.route = route;
        this.messages = messages;
        this.clock = clock;
    }

    @Operation(summary = "Decide and record one scan", description = "Answers 200 with the decision for valid "
            + "requests, accepted or refused; the decision is committed before the answer.")
    @ApiResponse(responseCode = "200", description = "Decided (ACCEPTED or REJECTED with a reason code)")
    @ApiResponse(responseCode = "400", description = "Not JSON, or a field missing or invalid")
    @ApiResponse(responseCode = "401", description = "No, unknown or revoked device token")
    @ApiResponse(responseCode = "403", description = "A staff session of an account that does not work at the lanes")
    @ApiResponse(responseCode = "409", description = "SCAN_ID_CONFLICT: another device or officer already sent this "
            + "scanId; nothing was recorded")
    @PostMapping(path = "/api/v1/scans", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> scan(@Valid @RequestBody ScanBody body, Authentication authentication,
            HttpServletRequest request) {
        String field = offRoute(body, route);
        if (field != null) {
            return ResponseEntity.badRequest().body(new ApiError("invalid_request", "Missing or invalid fields: "
                    + field + " (gates on this route: " + route.gates() + "; ENTRY and EXIT only at the zone gate)",
                    List.of(field)));
        }
        ScanAnswer answer;
        try {
            answer = scans.scan(request(body, route, operator(authentication)));
        } catch (ScanService.ScanIdConflict e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError("SCAN_ID_CONFLICT",
                    "This scanId was already used by another device or officer. Nothing was recorded.", List.of()));
        }
        Locale locale = locale(request);
        Holder holder = answer.holderKnown() ? new Holder(answer.holderNameKorean(), answer.holderNameLatin(),
                "/api/v1/scans/" + answer.scanId() + "/photo") : null;
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ScanResponse(answer.scanId(),
                answer.decision().result().name(), answer.reason() == null ? null : answer.reason().name(),
                answer.alert() == null ? null : answer.alert().name(),
                messages.getMessage(answer.messageKey(), null, locale), holder,
                answer.validUntil() == null ? null : answer.validUntil().toString()));
    }

    @Operation(summary = "The pass holder's photo for a scan, to compare with the person at the lane",
            description = "Only for the device or officer that sent the scan, and only for 5 minutes after it.")
    @GetMapping(path = "/api/v1/scans/{scanId}/photo", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> photo(@PathVariable String scanId, Authentication authentication) {
        return scans.holderPhoto(scanId, operator(authentication))
                .map(jpeg -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_JPEG)
                        .body(jpeg))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** The field that a valid body gets wrong on this route (a gate not on it, ENTRY or EXIT elsewhere), or null. */
    static String offRoute(ScanBody body, Route route) {
        Gate gate = gate(body, route);
        boolean alias = body.direction().equals("ENTRY") || body.direction().equals("EXIT");
        return !route.has(gate) ? "gate" : alias && gate != route.zoneGate() ? "direction" : null;
    }

    /** The scan a valid body on this route asks for. */
    static ScanRequest request(ScanBody body, Route route, ScanRequest.Operator operator) {
        Direction direction = switch (body.direction()) {
            case "ENTRY" -> Direction.NORTHBOUND;
            case "EXIT" -> Direction.SOUTHBOUND;
            default -> Direction.valueOf(body.direction());
        };
        return new ScanRequest(body.scanId(), body.token(), gate(body, route), direction, body.lane(),
                body.scannedAt() == null ? null : Instant.parse(body.scannedAt()), operator);
    }

    private static Gate gate(ScanBody body, Route route) {
        return body.gate() == null ? route.zoneGate() : Gate.valueOf(body.gate());
    }

    /** Names the invalid fields in the order of the body's fields. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        List<String> invalid = Arrays.stream(ScanBody.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(e.getBindingResult()::hasFieldErrors).toList();
        return ResponseEntity.badRequest().body(new ApiError("invalid_request",
                "Missing or invalid fields: " + String.join(", ", invalid), invalid));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> notJson() {
        return ResponseEntity.badRequest().body(new ApiError("malformed_json",
                "The body is not a JSON object of the expected shape.", List.of()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> notJsonType() {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(new ApiError("unsupported_media_type",
                "Send Content-Type: application/json.", List.of()));
    }

    static ScanRequest.Operator operator(Authentication authentication) {
        Object principal = authentication.getPrincipal();
        if (principal instanceof DeviceTokens.DevicePrincipal device) {
            return ScanRequest.Operator.device(device.id(), device.name());
        }
        if (principal instanceof AccountPrincipal account) {
            return ScanRequest.Operator.officer(account.id(), account.displayName());
        }
        throw new IllegalStateException("unexpected principal " + principal.getClass());
    }

    /** The staff's chosen language (cookie), else the device's Accept-Language, else Korean. */
    private static Locale locale(HttpServletRequest request) {
        if (WebUtils.getCookie(request, "KCLANG") != null || request.getHeader("Accept-Language") == null) {
            return LocaleContextHolder.getLocale();
        }
        return "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.KOREAN;
    }
}
