package kr.kaesongcrossing.checkpoint.scan;

import java.time.Instant;

/**
 * One scan as received from a lane.
 *
 * @param scanId    idempotency key: the same id again gets the first answer and records nothing new
 * @param token     what the scanner read, already trimmed
 * @param gate      the lane's gate, on the route
 * @param scannedAt when a device scanned offline; null means now
 */
public record ScanRequest(String scanId, String token, Gate gate, Direction direction, String lane,
        Instant scannedAt, Operator operator) {

    /** Who scanned: a signed-in officer or a scanner device, with the name kept in the log. */
    public record Operator(Long accountId, Long deviceId, String name) {

        static Operator officer(long accountId, String name) {
            return new Operator(accountId, null, name);
        }

        static Operator device(long deviceId, String name) {
            return new Operator(null, deviceId, name);
        }
    }
}
