package kr.kaesongcrossing.checkpoint.log;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import kr.kaesongcrossing.checkpoint.scan.Direction;
import kr.kaesongcrossing.checkpoint.scan.Gate;
import kr.kaesongcrossing.checkpoint.scan.ScanDecision;
import kr.kaesongcrossing.checkpoint.scan.ScanReason;
import kr.kaesongcrossing.checkpoint.scan.ScanRequest;
import kr.kaesongcrossing.checkpoint.scan.ScanRules;
import kr.kaesongcrossing.pass.PassForScan;
import kr.kaesongcrossing.schedule.SlotKey;

/** One scan as written to the crossing log. Rows are inserted, never changed. */
@Entity
@Table(name = "crossing_log")
public class CrossingLogEntry {

    /** Set on MALFORMED when the input cannot be a token at all (keyboard layout, Caps Lock). */
    public static final String DETAIL_KEYBOARD = "KEYBOARD_LAYOUT";
    /** Prefix of the detail of a vehicle's scan, followed by its type. */
    public static final String DETAIL_VEHICLE = "VEHICLE:";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "scan_id", nullable = false, unique = true)
    private String scanId;

    @Column(name = "pass_id")
    private String passId;

    @Column(name = "application_id")
    private Long applicationId;

    @Column(name = "scanned_at", nullable = false)
    private Instant scannedAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Gate gate;

    @Column(nullable = false)
    private String lane;

    @Column(name = "officer_account_id")
    private Long officerAccountId;

    @Column(name = "device_id")
    private Long deviceId;

    @Column(name = "operator_name", nullable = false)
    private String operatorName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ScanDecision.Result result;

    @Enumerated(EnumType.STRING)
    private ScanReason reason;

    @Enumerated(EnumType.STRING)
    private ScanReason alert;

    private String detail;

    @Column(name = "is_override", nullable = false)
    private boolean override;

    @Column(name = "override_of")
    private String overrideOf;

    @Column(name = "override_reason")
    private String overrideReason;

    @Column(name = "supervisor_account_id")
    private Long supervisorAccountId;

    @Column(name = "supervisor_name")
    private String supervisorName;

    @Column(name = "holder_name_korean")
    private String holderNameKorean;

    @Column(name = "holder_name_latin")
    private String holderNameLatin;

    @Column(name = "valid_until")
    private Instant validUntil;

    @Column(name = "visit_no")
    private Integer visitNo;

    @Column(name = "crossing_no")
    private Integer crossingNo;

    /** The trip's slot in this direction, when the gate judged the scan by it. */
    private String slot;

    /** On a vehicle's scan at a vehicle lane: the scan of its driver's pass that went with it. */
    @Column(name = "driver_scan_id")
    private String driverScanId;

    protected CrossingLogEntry() {
    }

    private CrossingLogEntry(ScanRequest request, Instant recordedAt, ScanDecision decision, String passId,
            PassForScan pass, Integer visitNo, Integer crossingNo) {
        this.scanId = request.scanId();
        this.passId = passId;
        this.scannedAt = request.scannedAt() == null ? recordedAt : request.scannedAt();
        this.recordedAt = recordedAt;
        this.gate = request.gate();
        this.direction = request.direction();
        this.lane = request.lane();
        this.officerAccountId = request.operator().accountId();
        this.deviceId = request.operator().deviceId();
        this.operatorName = request.operator().name();
        this.result = decision.result();
        this.reason = decision.reason();
        this.alert = decision.alert();
        this.visitNo = visitNo;
        this.crossingNo = crossingNo;
        if (pass != null) {
            this.applicationId = pass.applicationId();
            this.holderNameKorean = pass.holderNameKorean();
            this.holderNameLatin = pass.holderNameLatin();
            this.validUntil = pass.validUntil();
        }
    }

    /**
     * A scan decided by the rules; {@code visitNo} and {@code crossingNo} only for acceptances; {@code slot} the
     * trip's slot it was judged by, or null.
     */
    public static CrossingLogEntry scan(ScanRequest request, Instant now, ScanDecision decision, String passId,
            PassForScan pass, Integer visitNo, Integer crossingNo, SlotKey slot) {
        if (decision.accepted() != (visitNo != null) || decision.accepted() != (crossingNo != null)) {
            throw new IllegalArgumentException("accepted scans, and only they, belong to a visit and are numbered");
        }
        CrossingLogEntry entry = new CrossingLogEntry(request, now, decision, passId, pass, visitNo, crossingNo);
        entry.slot = slot == null ? null : slot.toString();
        return entry;
    }

    /**
     * A vehicle's scan at a vehicle lane, decided with its driver's scan {@code driverScanId}; {@code detail} says
     * {@code VEHICLE:} and the vehicle's type when the pass is known.
     */
    public static CrossingLogEntry vehicle(ScanRequest request, Instant now, ScanDecision decision, String passId,
            PassForScan pass, Integer visitNo, Integer crossingNo, String driverScanId) {
        CrossingLogEntry entry = scan(request, now, decision, passId, pass, visitNo, crossingNo, null);
        entry.driverScanId = driverScanId;
        entry.detail = pass != null && pass.vehicle() ? DETAIL_VEHICLE + pass.vehicleType() : DETAIL_VEHICLE;
        return entry;
    }

    /** Input that cannot be a token at all: MALFORMED, flagged so the officer checks the keyboard layout. */
    public static CrossingLogEntry unreadable(ScanRequest request, Instant now) {
        CrossingLogEntry entry = new CrossingLogEntry(request, now, ScanDecision.reject(ScanReason.MALFORMED), null,
                null, null, null);
        entry.detail = DETAIL_KEYBOARD;
        return entry;
    }

    /**
     * A supervisor let through a refused scan: an accepted row of its own that points at the refusal, recorded by
     * the lane officer ({@code request}'s operator) and naming the supervisor who authorised it.
     */
    public static CrossingLogEntry override(CrossingLogEntry refused, ScanRequest request, Instant now,
            PassForScan pass, int visitNo, int crossingNo, String reason, ScanRequest.Operator supervisor) {
        if (!refused.overridable()) {
            throw new IllegalStateException("only an overridable refusal of a known pass can be overridden");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an override needs a reason");
        }
        CrossingLogEntry entry = new CrossingLogEntry(request, now, ScanDecision.ACCEPT, refused.passId, pass,
                visitNo, crossingNo);
        entry.override = true;
        entry.overrideOf = refused.scanId;
        entry.slot = refused.slot;
        entry.overrideReason = reason.strip();
        entry.supervisorAccountId = supervisor.accountId();
        entry.supervisorName = supervisor.name();
        return entry;
    }

    /** A refusal of a known pass that the rules let a supervisor override ({@link ScanRules#overridable}). */
    public boolean overridable() {
        return result == ScanDecision.Result.REJECTED && passId != null && driverScanId == null
                && ScanRules.overridable(direction, reason);
    }

    /** Whether this scan was sent by {@code operator}: a scan id and its answer belong to the sender alone. */
    public boolean sentBy(ScanRequest.Operator operator) {
        return Objects.equals(officerAccountId, operator.accountId())
                && Objects.equals(deviceId, operator.deviceId());
    }

    public String getDriverScanId() {
        return driverScanId;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public ScanDecision decision() {
        return new ScanDecision(result, reason, alert);
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getSupervisorName() {
        return supervisorName;
    }

    Long getId() {
        return id;
    }

    public String getScanId() {
        return scanId;
    }

    public String getPassId() {
        return passId;
    }

    public Instant getScannedAt() {
        return scannedAt;
    }

    public Gate getGate() {
        return gate;
    }

    public Direction getDirection() {
        return direction;
    }

    public String getLane() {
        return lane;
    }

    String getOperatorName() {
        return operatorName;
    }

    ScanDecision.Result getResult() {
        return result;
    }

    ScanReason getReason() {
        return reason;
    }

    public String getDetail() {
        return detail;
    }

    public boolean isOverride() {
        return override;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public String getHolderNameKorean() {
        return holderNameKorean;
    }

    public String getHolderNameLatin() {
        return holderNameLatin;
    }

    public Instant getValidUntil() {
        return validUntil;
    }
}
