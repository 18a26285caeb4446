package dev.tillpoint.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts every test run from an empty database, before Arquillian boots the server: the H2 run
 * gets a fresh server data directory, the PostgreSQL run a freshly created database. The server's
 * own migrations then build the schema, so each run also proves the migrations from zero.
 */
public final class TestDatabases implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String serverDir = System.getProperty("tillpoint.it.serverDir");
        if (serverDir == null) {
            return;
        }
        deleteRecursively(Path.of(serverDir));
        if ("postgresql".equals(System.getProperty("tillpoint.it.db"))) {
            recreatePostgresDatabase();
        }
    }

    /** Drops and creates the run's own database, connecting to the {@code postgres} maintenance database. */
    private static void recreatePostgresDatabase() {
        String url = System.getProperty("tillpoint.it.pg.url");
        String withoutParameters = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String database = withoutParameters.substring(withoutParameters.lastIndexOf('/') + 1);
        String maintenanceUrl = withoutParameters.substring(0, withoutParameters.lastIndexOf('/') + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, System.getProperty("tillpoint.it.pg.user"), "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate the PostgreSQL database " + database + " at "
                    + maintenanceUrl + " (is PostgreSQL running on 127.0.0.1:5432?)", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot clean " + dir, e);
        }
    }
}
