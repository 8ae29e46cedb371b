package kr.kaesongcrossing.checkpoint.scan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import kr.kaesongcrossing.checkpoint.device.DeviceTokens;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The scan station's API (devices only, see ApiSecurityConfig): the data it keeps to decide offline at its gate,
 * and the upload of the scans it queued meanwhile, each decided as the single scan endpoint decides it.
 */
@RestController
class StationApiController {

    static final int MAX_BATCH = 5000;
    private static final String DECISIONS = "ACCEPTED|REJECTED";

    /** One queued scan: the single endpoint's fields (scannedAt required) and what the station decided offline. */
    record BatchItem(String scanId, String token, String direction, String gate, String lane, String scannedAt,
            @Schema(allowableValues = {"ACCEPTED", "REJECTED"})
            @NotNull @jakarta.validation.constraints.Pattern(regexp = DECISIONS) String offlineDecision,
            @Schema(description = "The station's reason code for an offline refusal", nullable = true)
            @jakarta.validation.constraints.Pattern(regexp = "[A-Z_]{1,40}") String offlineReason) {

        ScanApiController.ScanBody scan() {
            return new ScanApiController.ScanBody(scanId, token, direction, gate, lane, scannedAt);
        }
    }

    record Batch(@NotNull @Size(max = MAX_BATCH) List<BatchItem> scans) {
    }

    /**
     * @param conflict the server's decision differs from the offline one (or it accepted with an alert); such a scan
     *                 is listed for supervisors at /checkpoint/conflicts
     * @param error    {@code invalid_request} (the item is not a valid scan; nothing was recorded),
     *                 {@code SCAN_ID_CONFLICT} (another device or officer sent this scan id), or null
     */
    record BatchResult(String scanId, String decision, String reason, String alert, boolean conflict, String error) {

        static BatchResult error(String scanId, String error) {
            return new BatchResult(scanId, null, null, null, false, error);
        }
    }

    record BatchAnswer(List<BatchResult> results) {
    }

    private final ScanService scans;
    private final ScanConflicts conflicts;
    private final StationData data;
    private final Route route;
    private final Validator validator;

    StationApiController(ScanService scans, ScanConflicts conflicts, StationData data, Route route,
            Validator validator) {
        this.scans = scans;
        this.conflicts = conflicts;
        this.data = data;
        this.route = route;
        this.validator = validator;
    }

    @Operation(summary = "What a paired scan station keeps to decide offline at its gate",
            description = "Person passes valid today or tomorrow (KST) with a slot booked on those days or of a "
                    + "standing permit: names, photo, validity, slots with the gate's window, position. 403 for a "
                    + "device that is not a paired station.")
    @GetMapping(path = "/api/v1/station/data", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> data(@AuthenticationPrincipal DeviceTokens.DevicePrincipal device) {
        if (!device.paired() || !route.has(Gate.valueOf(device.gate()))) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ScanApiController.ApiError("not_a_station",
                    "Only a scan station paired at /station/pair for a gate on the route may read its data.",
                    List.of()));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(data.at(Gate.valueOf(device.gate()), device.lane()));
    }

    @Operation(summary = "Upload scans a station queued offline, in order",
            description = "Each item is decided and recorded as POST /api/v1/scans would (idempotent per scanId: a "
                    + "repeated one gets its first answer). A body of more than " + MAX_BATCH + " scans is refused.")
    @PostMapping(path = "/api/v1/scans/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BatchAnswer> batch(@Valid @RequestBody Batch batch,
            @AuthenticationPrincipal DeviceTokens.DevicePrincipal device) {
        ScanRequest.Operator operator = ScanRequest.Operator.device(device.id(), device.name());
        List<BatchResult> results = new ArrayList<>(batch.scans().size());
        for (BatchItem item : batch.scans()) {
            results.add(sync(item, operator));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new BatchAnswer(results));
    }

    private BatchResult sync(BatchItem item, ScanRequest.Operator operator) {
        if (item == null) {
            return BatchResult.error(null, "invalid_request");
        }
        ScanApiController.ScanBody body = item.scan();
        if (item.scannedAt() == null || !validator.validate(body).isEmpty() || !validator.validate(item).isEmpty()
                || ScanApiController.offRoute(body, route) != null) {
            return BatchResult.error(item.scanId(), "invalid_request");
        }
        ScanAnswer answer;
        try {
            answer = scans.scan(ScanApiController.request(body, route, operator));
        } catch (ScanService.ScanIdConflict e) {
            return BatchResult.error(item.scanId(), "SCAN_ID_CONFLICT");
        }
        boolean conflict = conflicts.record(answer, operator, ScanDecision.Result.valueOf(item.offlineDecision()),
                item.offlineReason());
        return new BatchResult(answer.scanId(), answer.decision().result().name(),
                answer.reason() == null ? null : answer.reason().name(),
                answer.alert() == null ? null : answer.alert().name(), conflict, null);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ScanApiController.ApiError> invalid(MethodArgumentNotValidException e) {
        return ResponseEntity.badRequest().body(new ScanApiController.ApiError("invalid_request",
                "scans must be a list of at most " + MAX_BATCH + " scans.", List.of("scans")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ScanApiController.ApiError> notJson() {
        return ResponseEntity.badRequest().body(new ScanApiController.ApiError("malformed_json",
                "The body is not a JSON object of the expected shape.", List.of()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ScanApiController.ApiError> notJsonType() {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(new ScanApiController.ApiError(
                "unsupported_media_type", "Send Content-Type: application/json.", List.of()));
    }
}
