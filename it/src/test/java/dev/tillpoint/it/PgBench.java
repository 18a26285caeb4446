package dev.tillpoint.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The database's own ceiling beside a benchmark's figures: pgbench (on this machine, against the
 * benchmark's database) running the equivalent raw SQL with as many clients, for as long, in the
 * same run. Absent on H2, and when pgbench is not installed: the benchmark then prints its figures
 * without the ratio and says why.
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern DATABASE = Pattern.compile("jdbc:postgresql://([^/:]+)(?::(\\d+))?/([^?]+)");

    private PgBench() {
    }

    /** Where the datasource points, when it is PostgreSQL: host, port, database. */
    record Target(String host, String port, String database) {
        static Optional<Target> of(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                return ofUrl(connection.getMetaData().getURL());
            }
        }

        /** From a JDBC URL; empty for anything but PostgreSQL. */
        static Optional<Target> ofUrl(String jdbcUrl) {
            Matcher url = DATABASE.matcher(jdbcUrl);
            return url.find() ? Optional.of(new Target(url.group(1), url.group(2) == null ? "5432" : url.group(2),
                    url.group(3))) : Optional.empty();
        }
    }

    /**
     * Runs {@code script} (one transaction: its statements, each ending in a semicolon) with
     * {@code clients} connections for {@code seconds}.
     *
     * @return transactions per second, or empty when pgbench could not run
     */
    static Optional<Double> tps(Target target, String script, int clients, int seconds) throws IOException, InterruptedException {
        return tps(target, script, clients, seconds, "simple");
    }

    /**
     * As {@link #tps(Target, String, int, int)}, with pgbench's query protocol: {@code prepared}
     * plans each statement once per connection, as the server does with a statement the driver
     * prepared, where planning it again each time would cost more than running it.
     */
    static Optional<Double> tps(Target target, String script, int clients, int seconds, String protocol)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile("tillpoint-pgbench", ".sql");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Process pgbench;
            try {
                pgbench = new ProcessBuilder(List.of("pgbench", "-n", "-M", protocol, "-h", target.host(), "-p", target.port(),
                        "-U", "postgres", "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds),
                        "-f", file.toString(), target.database())).redirectErrorStream(true).start();
            } catch (IOException notInstalled) {
                return Optional.empty();
            }
            String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!pgbench.waitFor(seconds + 60L, TimeUnit.SECONDS) || pgbench.exitValue() != 0) {
                pgbench.destroy();
                System.out.println("pgbench failed: " + output.lines().limit(5).toList());
                return Optional.empty();
            }
            Matcher tps = TPS.matcher(output);
            return tps.find() ? Optional.of(Double.parseDouble(tps.group(1))) : Optional.empty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** "x.xx of pgbench's N/s" or why there is no ratio. */
    static String ratio(double perSecond, Optional<Double> ceiling) {
        return ceiling.map(tps -> String.format(Locale.ROOT, "%.2f of pgbench's %.0f/s on the same SQL", perSecond / tps, tps))
                .orElse("no pgbench ceiling (H2, or pgbench not installed)");
    }

    /** A SQL string literal. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
