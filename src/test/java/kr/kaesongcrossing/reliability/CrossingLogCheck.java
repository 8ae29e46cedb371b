package kr.kaesongcrossing.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.kaesongcrossing.reliability.Crowd.Scan;

/**
 * Reads the crossing log after a run and compares it with what the devices were told.
 *
 * @param found        acknowledged scans present in the log
 * @param lost         acknowledged scans missing from the log, or logged with another decision than answered
 * @param duplicates   scan ids logged more than once
 * @param insideTwice  passes whose accepted scans do not alternate NORTHBOUND, SOUTHBOUND, NORTHBOUND... (someone let in twice)
 * @param halfWritten  passes whose presence row disagrees with their last accepted scan (a scan half applied)
 * @param problems     the first few discrepancies, for the failure message
 */
record CrossingLogCheck(long found, long lost, long duplicates, long insideTwice, long halfWritten,
        List<String> problems) {

    static CrossingLogCheck read(String url, String user, String password, String runId,
            Map<String, Scan> acknowledged, List<String> passIds) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return read(connection, runId, acknowledged, passIds);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the crossing log at " + url, e);
        }
    }

    static CrossingLogCheck read(Connection connection, String runId, Map<String, Scan> acknowledged,
            List<String> passIds) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<String, String> logged = new HashMap<>();
        long duplicates = 0;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT scan_id, MIN(result), COUNT(*) FROM crossing_log WHERE scan_id LIKE ? GROUP BY scan_id")) {
            query.setString(1, runId + "-%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    logged.put(rows.getString(1), rows.getString(2));
                    if (rows.getInt(3) > 1) {
                        duplicates++;
                        note(problems, "scan " + rows.getString(1) + " logged " + rows.getInt(3) + " times");
                    }
                }
            }
        }
        long found = 0;
        long lost = 0;
        for (Scan scan : acknowledged.values()) {
            String result = logged.get(scan.scanId());
            if (result == null) {
                lost++;
                note(problems, "answered but not in the log: " + scan);
            } else if (!result.equals(scan.decision())) {
                lost++;
                note(problems, "answered " + scan.decision() + " but logged " + result + ": " + scan);
            } else {
                found++;
            }
        }
        long insideTwice = 0;
        long halfWritten = 0;
        for (String passId : passIds) {
            List<String> directions = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT direction FROM crossing_log "
                    + "WHERE pass_id = ? AND result = 'ACCEPTED' ORDER BY id")) {
                query.setString(1, passId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        directions.add(rows.getString(1));
                    }
                }
            }
            for (int i = 0; i < directions.size(); i++) {
                String expected = i % 2 == 0 ? "NORTHBOUND" : "SOUTHBOUND";
                if (!expected.equals(directions.get(i))) {
                    insideTwice++;
                    note(problems, "pass " + passId + " accepted " + directions);
                    break;
                }
            }
            Boolean inside = null;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT position = 'INSIDE' FROM pass_presence WHERE pass_id = ?")) {
                query.setString(1, passId);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        inside = rows.getBoolean(1);
                    }
                }
            }
            boolean shouldBeInside = !directions.isEmpty() && "NORTHBOUND".equals(directions.get(directions.size() - 1));
            boolean consistent = directions.isEmpty() ? inside == null || !inside : inside != null
                    && inside == shouldBeInside;
            if (!consistent) {
                halfWritten++;
                note(problems, "pass " + passId + " presence inside=" + inside + " after accepted " + directions);
            }
        }
        return new CrossingLogCheck(found, lost, duplicates, insideTwice, halfWritten, List.copyOf(problems));
    }

    private static void note(List<String> problems, String problem) {
        if (problems.size() < 20) {
            problems.add(problem);
        }
    }
}
