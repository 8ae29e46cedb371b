package kr.kaesongcrossing.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default's H2 file stays in proportion to its data while the application runs (issue 20): scan-shaped
 * commits (a log row with a random unique key, an update of a pass) each leave a chunk behind, and the compaction
 * brings the file back to a few hundred bytes per row. The default URL, but RETENTION_TIME=0: in the application
 * chunks become eligible 45 s after their commit, which a test should not wait for.
 */
class H2CompactionTests {

    private static final int COMMITS = 2000;

    @TempDir
    Path dir;

    @Test
    void shouldShrinkTheFileThatCommitsGrewToAFewHundredBytesPerRow() throws Exception {
        String url = defaultDatasourceUrl().replace("./data/", dir.toAbsolutePath().toString().replace('\\', '/') + "/")
                + ";RETENTION_TIME=0";
        Path file = dir.resolve("kaesong.mv.db");
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(url);
            dataSource.setUsername("sa");
            try (Connection c = dataSource.getConnection()) {
                commitScans(c);
            }
            long grown = Files.size(file);
            assertThat(grown).as("file after %d commits", COMMITS).isGreaterThan(COMMITS * 1024L);

            H2Compaction compaction = new H2Compaction(dataSource);
            long size = grown;
            for (int run = 0; run < 100; run++) {
                compaction.compact();
                long now = Files.size(file);
                if (now >= size && run > 3) {
                    break;
                }
                size = now;
            }
            assertThat(Files.size(file)).as("file after compaction, grown to %d", grown).isLessThan(COMMITS * 512L);
        }
    }

    private static void commitScans(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table pass(id int primary key, inside boolean, scans int)");
            s.execute("create table scan(id bigint auto_increment primary key, scan_id varchar(36) not null unique,"
                    + " pass_id int not null, scanned_at timestamp not null)");
            s.execute("create index scan_pass on scan(pass_id, scanned_at)");
            s.execute("insert into pass select x, false, 0 from system_range(1, 600)");
        }
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(
                "insert into scan(scan_id, pass_id, scanned_at) values (?, ?, current_timestamp)");
                PreparedStatement update = c.prepareStatement(
                        "update pass set inside = not inside, scans = scans + 1 where id = ?")) {
            for (int i = 0; i < COMMITS; i++) {
                int pass = 1 + (i * 7919) % 600;
                insert.setString(1, UUID.randomUUID().toString());
                insert.setInt(2, pass);
                insert.executeUpdate();
                update.setInt(1, pass);
                update.executeUpdate();
                c.commit();
            }
        }
    }

    private static String defaultDatasourceUrl() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = H2CompactionTests.class.getResourceAsStream("/application.properties")) {
            defaults.load(in);
        }
        return defaults.getProperty("spring.datasource.url");
    }
}
