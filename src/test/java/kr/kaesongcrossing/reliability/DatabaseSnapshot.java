package kr.kaesongcrossing.reliability;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * What a refused request must not change: the number of rows in every table (one query), and on demand a
 * content fingerprint (order-independent hash of every row). Session, migration history and audit-style tables
 * (sign-in attempts, audit events, mail) are left out: recording a refusal there is legitimate. So is the event
 * publication registry: the listeners of an earlier request complete (delete) its rows in the background.
 */
public final class DatabaseSnapshot {

    public static final Predicate<String> IGNORED = name -> {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("spring_session") || n.startsWith("flyway_") || n.contains("audit")
                || n.contains("attempt") || n.contains("throttl") || n.contains("shedlock") || n.contains("mail")
                || n.equals("event_publication");
    };

    private final DataSource dataSource;
    private final List<String> tables;
    private final String countQuery;

    public DatabaseSnapshot(DataSource dataSource) {
        this.dataSource = dataSource;
        this.tables = tables(dataSource);
        StringBuilder union = new StringBuilder();
        for (String table : tables) {
            if (!union.isEmpty()) {
                union.append(" UNION ALL ");
            }
            union.append("SELECT '").append(table).append("', COUNT(*) FROM ").append(table);
        }
        this.countQuery = union.toString();
    }

    public List<String> tables() {
        return tables;
    }

    /** Row count per table. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        if (tables.isEmpty()) {
            return counts;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(countQuery)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count rows", e);
        }
        return counts;
    }

    /** Order-independent fingerprint of every row of every table (for small test databases). */
    public Map<String, Long> fingerprints() {
        Map<String, Long> fingerprints = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                long sum = 0;
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        long row = 17;
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            Object value = rows.getObject(column);
                            row = row * 31 + (value instanceof byte[] bytes ? java.util.Arrays.hashCode(bytes)
                                    : Objects.hashCode(value == null ? null : value.toString()));
                        }
                        sum += row * 0x9E3779B97F4A7C15L;
                    }
                }
                fingerprints.put(table, sum);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read rows", e);
        }
        return fingerprints;
    }

    private static List<String> tables(DataSource dataSource) {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rows = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
                    new String[] {"TABLE", "BASE TABLE"})) {
                while (rows.next()) {
                    String name = rows.getString("TABLE_NAME");
                    if (!IGNORED.test(name) && name.matches("[A-Za-z0-9_]+")) {
                        names.add(name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list tables", e);
        }
        return List.copyOf(names);
    }
}
