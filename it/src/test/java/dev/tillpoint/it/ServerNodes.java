package dev.tillpoint.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The servers of the kill and failover tests, started, killed and stopped through the project's
 * own scripts ({@code cluster/start.sh}, {@code stop.sh}, {@code node.sh}): the tests exercise
 * exactly what the README tells an admin to run, and there is one copy of that machinery.
 *
 * <p>Settings (failsafe's {@code cluster} execution passes them): {@code tillpoint.cluster.scripts}
 * (the {@code cluster/} directory), {@code tillpoint.cluster.dir} (node base directories),
 * {@code tillpoint.cluster.offsets} (port offsets, one per node), {@code tillpoint.cluster.lbPort},
 * {@code tillpoint.it.pg.url}/{@code .user}, {@code jboss.home}, {@code tillpoint.ear}.
 */
final class ServerNodes {

    /**
     * Test-only server settings: cheap PIN hashing, like the single-server tests. (A key whose
     * request a killed node never finished needs no lease: its claim died with that transaction.)
     */
    private static final String NODE_JAVA_OPTS = "-Dtillpoint.pin.pbkdf2-iterations=1000";

    private final Path scripts;
    private final Path dir;
    private final List<Integer> offsets;
    private final int lbPort;
    private final String serverConfig;

    private ServerNodes(Path scripts, Path dir, List<Integer> offsets, int lbPort, String serverConfig) {
        this.scripts = scripts;
        this.dir = dir;
        this.offsets = offsets;
        this.lbPort = lbPort;
        this.serverConfig = serverConfig;
    }

    /** The cluster of the HA profile: every configured node behind the load balancer. */
    static ServerNodes cluster() {
        return new ServerNodes(Path.of(System.getProperty("tillpoint.cluster.scripts")),
                Path.of(System.getProperty("tillpoint.cluster.dir")), configuredOffsets(),
                Integer.getInteger("tillpoint.cluster.lbPort", 9000), "standalone-full-ha.xml");
    }

    /** One server of the single-server profile (standalone-full.xml), on the first node's ports, no load balancer. */
    static ServerNodes single() {
        return new ServerNodes(Path.of(System.getProperty("tillpoint.cluster.scripts")),
                Path.of(System.getProperty("tillpoint.cluster.dir"), "single"), configuredOffsets().subList(0, 1),
                0, "standalone-full.xml");
    }

    private static List<Integer> configuredOffsets() {
        return Arrays.stream(System.getProperty("tillpoint.cluster.offsets", "1000 1100").trim().split("\\s+"))
                .map(Integer::valueOf)
                .toList();
    }

    /** node1, node2, ...: the names the scripts give the nodes. */
    List<String> nodes() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= offsets.size(); i++) {
            names.add("node" + i);
        }
        return names;
    }

    String nodeUrl(String node) {
        return "http://127.0.0.1:" + (8080 + offsets.get(nodes().indexOf(node)));
    }

    /** Where clients go: the load balancer, or the one node when there is none. */
    String entryUrl() {
        return lbPort == 0 ? nodeUrl("node1") : "http://127.0.0.1:" + lbPort;
    }

    /** Starts every node (the first alone, then the others) and the load balancer; returns when all serve. */
    void startAll() {
        if (lbPort == 0) {
            run("node.sh", "start", "node1");
        } else {
            run("start.sh");
        }
    }

    void stopAll() {
        if (lbPort == 0) {
            run("node.sh", "stop", "node1");
        } else {
            run("stop.sh");
        }
    }

    /** SIGKILL: no shutdown hook, no flush, as a power cut. */
    void kill(String node) {
        run("node.sh", "kill", node);
    }

    /** Starts a node again on its base directory (its journal, its transaction log); returns when it serves. */
    void start(String node) {
        run("node.sh", "start", node);
    }

    private void run(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", scripts.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JBOSS_HOME", System.getProperty("jboss.home"));
        env.put("TILLPOINT_EAR", System.getProperty("tillpoint.ear"));
        env.put("TILLPOINT_CLUSTER_DIR", dir.toString());
        env.put("TILLPOINT_NODE_OFFSETS", String.join(" ", offsets.stream().map(String::valueOf).toList()));
        env.put("TILLPOINT_LB_PORT", String.valueOf(lbPort));
        env.put("TILLPOINT_SERVER_CONFIG", serverConfig);
        env.put("TILLPOINT_DB_URL", System.getProperty("tillpoint.it.pg.url"));
        env.put("TILLPOINT_DB_USER", System.getProperty("tillpoint.it.pg.user", "postgres"));
        env.put("TILLPOINT_NODE_JAVA_OPTS", NODE_JAVA_OPTS + " " + System.getProperty("tillpoint.cluster.nodeJavaOpts", ""));
        try {
            Process process = builder.start();
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                output.lines().forEach(line -> System.out.println("[" + script + "] " + line));
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + " (logs under " + dir + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
