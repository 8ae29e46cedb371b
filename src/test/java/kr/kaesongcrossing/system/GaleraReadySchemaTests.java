package kr.kaesongcrossing.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The schema and the statements the app sends stay within what a MariaDB Galera cluster replicates: every table
 * InnoDB with a primary key (Galera replicates InnoDB only, and rows by their key; a table without one is
 * replicated slowly or inconsistently), and none of the statements Galera refuses or does not replicate.
 */
@SpringBootTest
@AutoConfigureMockMvc // unused here: the same Spring context as the MockMvc tests, started once per JVM
class GaleraReadySchemaTests {

    /** What Galera refuses or silently keeps on one node. */
    private static final Pattern REFUSED = Pattern.compile("(?is)\\bLOCK\\s+TABLES?\\b|\\bGET_LOCK\\s*\\(|"
            + "\\bRELEASE_LOCK\\s*\\(|\\bXA\\s+(START|BEGIN|COMMIT|PREPARE)\\b|\\bENGINE\\s*=\\s*(MyISAM|MEMORY|Aria|CSV)\\b|"
            + "\\bCREATE\\s+(TEMPORARY\\s+)?TABLE\\b[^;(]*\\bSELECT\\b|\\bFLUSH\\s+TABLES\\s+WITH\\s+READ\\s+LOCK\\b");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldGiveEveryTableAPrimaryKey() {
        List<String> withoutKey = jdbc.queryForList("SELECT t.table_name FROM information_schema.tables t "
                + "WHERE t.table_schema = SCHEMA() AND t.table_type = 'BASE TABLE' AND NOT EXISTS ("
                + "SELECT 1 FROM information_schema.table_constraints c WHERE c.table_schema = t.table_schema "
                + "AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY')", String.class);
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = SCHEMA() AND table_type = 'BASE TABLE'", String.class);

        assertThat(tables).as("tables of the schema").hasSizeGreaterThan(40);
        assertThat(withoutKey).as("tables without a primary key").isEmpty();
    }

    @Test
    void shouldKeepEveryTableOnInnoDbWhereTheServerHasEngines() {
        boolean mariaDb = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables "
                + "WHERE table_schema = 'information_schema' AND table_name = 'ENGINES'", Integer.class) > 0;
        if (!mariaDb) {
            return; // H2 has no storage engines to choose
        }
        List<String> others = jdbc.queryForList("SELECT CONCAT(table_name, ' ', engine) FROM information_schema.tables "
                + "WHERE table_schema = SCHEMA() AND table_type = 'BASE TABLE' AND engine <> 'InnoDB'", String.class);

        assertThat(others).as("tables on another engine than InnoDB").isEmpty();
    }

    @Test
    void shouldSendNoStatementGaleraRefuses() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("sql"), Path.of("src/main/java"), Path.of("src/main/resources"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().matches(".*\\.(sql|java|properties|yml)$")).toList()) {
                    var matcher = REFUSED.matcher(Files.readString(file));
                    while (matcher.find()) {
                        found.add(file + ": " + matcher.group().replaceAll("\\s+", " "));
                    }
                }
            }
        }

        assertThat(found).as("statements a Galera cluster refuses or keeps on one node").isEmpty();
    }
}
