package dev.tillpoint.devtools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Joins the numbered CLI scripts ({@code NN-*.cli}, in order) into one script that boots an
 * embedded, offline server around them, once per profile the build configures. The scripts themselves stay free of {@code embed-server}
 * so that an admin can run each one unchanged against a live server with
 * {@code jboss-cli.sh --connect --file=...}; the build needs them in one CLI session.
 */
public final class OfflineScript {

    /**
     * The single server (wildfly:run, the integration tests) and the cluster nodes (cluster/*.sh):
     * the same scripts configure both, 05-cluster.cli acting only where clustering exists.
     */
    private static final List<String> PROFILES = List.of("standalone-full.xml", "standalone-full-ha.xml");

    private OfflineScript() {
    }

    public static void main(String[] args) throws IOException {
        Path configDir = Path.of(args[0]);
        Path output = Path.of(args[1]);
        List<Path> scripts;
        try (Stream<Path> files = Files.list(configDir)) {
            scripts = files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.cli"))
                    .sorted()
                    .toList();
        }
        List<String> lines = new ArrayList<>();
        for (String profile : PROFILES) {
            lines.add("embed-server --std-out=discard --server-config=" + profile);
            // wildfly:run deploys through the management API, which records the deployment in
            // the profile; a later boot with another data directory (the integration tests, a
            // cluster node) would find no content for it and refuse to start. Each build starts
            // from no deployment.
            lines.add("if (outcome == success) of /deployment=tillpoint.ear:read-resource");
            lines.add("    /deployment=tillpoint.ear:remove");
            lines.add("end-if");
            for (Path script : scripts) {
                lines.add("# ---- " + script.getFileName() + " on " + profile);
                lines.addAll(Files.readAllLines(script, StandardCharsets.UTF_8));
            }
            lines.add("stop-embedded-server");
        }
        Files.createDirectories(output.getParent());
        Files.write(output, lines, StandardCharsets.UTF_8);
    }
}
