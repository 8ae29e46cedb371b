package kr.kaesongcrossing.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A throwaway three-node MariaDB Galera cluster on loopback (own data folders under the suite's work folder, own
 * client and Galera ports, never the shared server on 3306), small enough for a 2-core machine: 32 MB buffer pool,
 * one applier thread, 32 MB gcache. The first node bootstraps the cluster ({@code --wsrep-new-cluster}); the others
 * join by state transfer (rsync SST, or IST from the gcache when they come back after a crash).
 */
final class GaleraCluster implements AutoCloseable {

    static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");
    private static final String[] SERVER_DIRS = {"/usr/sbin", "/usr/local/sbin"};
    private static final Duration READY = Duration.ofSeconds(120);

    private final Path server;
    private final List<Node> nodes = new ArrayList<>();
    private final String user;

    /** One member: its client port and the three Galera ports (group, SST, IST). */
    final class Node {

        final int index;
        final int port = Tools.freePort();
        final int groupPort = Tools.freePort();
        final int sstPort = Tools.freePort();
        final int istPort = Tools.freePort();
        final Path dir;
        private Process process;

        Node(int index, Path dir) {
            this.index = index;
            this.dir = dir;
        }

        /**
         * With causal reads ({@code wsrep_sync_wait=1}): a read waits until this node has applied what the cluster
         * committed before it began. Without it a device that scanned ENTRY through one node and EXIT through the
         * other a moment later was told NOT_INSIDE: the second node had certified the entry but not applied it yet.
         */
        String jdbcUrl(String database) {
            return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?sslMode=DISABLED&connectionTimeZone=UTC"
                    + "&forceConnectionTimeZoneToSession=true&allowPublicKeyRetrieval=true"
                    + "&sessionVariables=wsrep_sync_wait=1";
        }

        Connection connect(String database) throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", "root");
            properties.setProperty("password", "");
            properties.setProperty("connectTimeout", "2000");
            properties.setProperty("socketTimeout", "30000");
            return DriverManager.getConnection(jdbcUrl(database), properties);
        }

        /** Starts the server; returns when it is Synced with the cluster and ready for writes. */
        Duration start(boolean bootstrap) {
            List<String> command = new ArrayList<>(List.of(server.toString(), "--no-defaults",
                    "--datadir=" + dir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
                    "--socket=" + dir.resolve("mariadbd.sock"), "--pid-file=" + dir.resolve("mariadbd.pid"),
                    "--user=" + user, "--skip-name-resolve", "--max-connections=200",
                    "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                    "--innodb-buffer-pool-size=32M", "--innodb-log-file-size=16M",
                    // Galera's durability is the cluster's: the usual setting on its nodes (a process crash loses
                    // nothing, the OS writes the log)
                    "--innodb-flush-log-at-trx-commit=2",
                    "--binlog-format=ROW", "--innodb-autoinc-lock-mode=2", "--default-storage-engine=InnoDB",
                    "--wsrep-on=ON", "--wsrep-provider=" + PROVIDER, "--wsrep-cluster-name=kc-reliability",
                    "--wsrep-cluster-address=gcomm://" + nodes.stream().map(n -> "127.0.0.1:" + n.groupPort)
                            .collect(Collectors.joining(",")),
                    "--wsrep-node-name=node" + index, "--wsrep-node-address=127.0.0.1:" + groupPort,
                    "--wsrep-sst-method=rsync", "--wsrep-sst-receive-address=127.0.0.1:" + sstPort,
                    // node 2 comes back from node 3 when it can: rsync blocks its donor's writes while it copies
                    "--wsrep-sst-donor=" + (index == 2 ? "node3," : ""),
                    "--wsrep-slave-threads=1",
                    "--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:" + groupPort
                            + ";ist.recv_addr=127.0.0.1:" + istPort + ";gcache.size=32M;pc.recovery=false"
                            // a killed node is noticed within seconds, so the others go on without it
                            + ";evs.keepalive_period=PT0.5S;evs.suspect_timeout=PT2S;evs.inactive_timeout=PT4S"
                            + ";evs.install_timeout=PT4S"));
            if (bootstrap) {
                command.add("--wsrep-new-cluster");
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mariadbd.log").toFile()));
            long begin = System.nanoTime();
            process = Tools.start(builder);
            long deadline = begin + READY.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("node" + index + " exited:\n"
                            + Tools.tail(dir.resolve("mariadbd.log"), 40));
                }
                if (synced()) {
                    return Duration.ofNanos(System.nanoTime() - begin);
                }
                AppProcess.pause(Duration.ofMillis(100));
            }
            throw new IllegalStateException("node" + index + " not synced within " + READY + ":\n"
                    + Tools.tail(dir.resolve("mariadbd.log"), 40));
        }

        /** Whether the node accepts connections, is Synced and ready (wsrep_ready). */
        boolean synced() {
            try (Connection connection = connect(""); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SHOW STATUS WHERE Variable_name IN "
                            + "('wsrep_ready', 'wsrep_local_state_comment')")) {
                int good = 0;
                while (rows.next()) {
                    String value = rows.getString(2);
                    good += "ON".equals(value) || "Synced".equals(value) ? 1 : 0;
                }
                return good == 2;
            } catch (SQLException notYet) {
                return false;
            }
        }

        /** kill -9: no goodbye to the cluster or the clients. */
        void killHard() {
            Tools.killHard(process);
        }

        boolean isRunning() {
            return process != null && process.isAlive();
        }

        int clusterSize() throws SQLException {
            try (Connection connection = connect(""); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SHOW STATUS LIKE 'wsrep_cluster_size'")) {
                return rows.next() ? rows.getInt(2) : 0;
            }
        }
    }

    private GaleraCluster(Path server, String user) {
        this.server = server;
        this.user = user;
    }

    /** Whether this machine has the Galera library (Debian galera-4). */
    static boolean installed() {
        return Files.isRegularFile(PROVIDER);
    }

    /** Three fresh data folders under {@code work} (the first initialised, the others filled by state transfer). */
    static GaleraCluster install(Path work) {
        Path server = Tools.require("mariadbd", "mariadb-server", SERVER_DIRS);
        Tools.require("rsync", "rsync");
        Path installer = Tools.require("mariadb-install-db", "mariadb-server", "/usr/bin", "/usr/local/bin");
        // As root the servers run as mysql: a joiner's rsync daemon would otherwise write as nobody (the
        // configuration MariaDB's SST script writes for it names no user, and the script puts /usr/bin first on
        // its PATH). The mysql user must reach the data folders: where a parent folder is closed to others (a
        // clone under /root), they go to a folder of their own under the system's temporary folder instead.
        String self = System.getProperty("user.name");
        String user = "root".equals(self) ? "mysql" : self;
        GaleraCluster cluster = new GaleraCluster(server, user);
        try {
            Path base = work;
            if (!user.equals(self)) { // the suite's folders are the test user's own (rwx------)
                Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                if (!openToOthers(work.getParent())) {
                    base = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "kc-galera-");
                    Files.setPosixFilePermissions(base, java.nio.file.attribute.PosixFilePermissions.fromString(
                            "rwxr-xr-x"));
                    Files.writeString(work.resolve("galera-data-folders.txt"), base + "\n");
                }
            }
            for (int i = 1; i <= 3; i++) {
                Path dir = Files.createDirectories(base.resolve("galera-node" + i));
                Files.createDirectories(dir.resolve("data"));
                cluster.nodes.add(cluster.new Node(i, dir));
            }
            run(List.of(installer.toString(), "--no-defaults", "--datadir=" + cluster.node(1).dir.resolve("data"),
                    "--auth-root-authentication-method=normal", "--skip-test-db", "--user=" + user),
                    work.resolve("galera-install.log"));
            if (!user.equals(self)) {
                for (Node node : cluster.nodes) {
                    run(List.of("chown", "-R", user + ":", node.dir.toString()), work.resolve("galera-install.log"));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return cluster;
    }

    /** Whether every folder from the root down to {@code dir} lets others pass (o+x). */
    private static boolean openToOthers(Path dir) throws java.io.IOException {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    Node node(int index) {
        return nodes.get(index - 1);
    }

    /** Bootstraps node 1, then lets nodes 2 and 3 join (one after the other: one donor, one SST at a time). */
    Duration start() {
        long begin = System.nanoTime();
        node(1).start(true);
        node(2).start(false);
        node(3).start(false);
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    void createDatabase(String name) {
        try (Connection connection = node(1).connect(""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    private static void run(List<String> command, Path log) {
        Process process = Tools.start(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())));
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed:\n" + Tools.tail(log, 30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (Node node : nodes) {
            if (node.isRunning()) {
                node.killHard();
            }
        }
    }
}
