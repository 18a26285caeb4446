package dev.tillpoint.shared.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

/**
 * Applies the versioned schema migrations while Hibernate builds the persistence unit.
 *
 * <p>Why here and not in a {@code @Startup} bean: WildFly starts the persistence unit during
 * deployment, before any startup bean, and message-driven beans start consuming as soon as they
 * are deployed. An integrator runs inside the session factory's construction, before Hibernate
 * validates the schema and before any bean can touch a table, so the schema is always current
 * when the first statement runs. Several nodes starting at once are safe: Flyway serializes them
 * with a lock on its history table.
 */
public final class SchemaMigrationIntegrator implements Integrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrationIntegrator.class.getName());

    static final String COMMON_LOCATION = "classpath:db/migration/common";

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
            SessionFactoryImplementor sessionFactory) {
        DataSource dataSource = sessionFactory.getServiceRegistry()
                .requireService(ConnectionProvider.class)
                .unwrap(DataSource.class);
        MigrateResult result = Flyway.configure(SchemaMigrationIntegrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(COMMON_LOCATION, "classpath:db/migration/" + vendor(dataSource))
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now)");
    }

    /** The folder of vendor-specific scripts: {@code h2} or {@code postgresql}. */
    static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return "postgresql";
            }
            if (product.contains("h2")) {
                return "h2";
            }
            throw new IllegalStateException("Tillpoint supports PostgreSQL and H2, not " + product);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the Tillpoint datasource to migrate it", e);
        }
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory,
            org.hibernate.service.spi.SessionFactoryServiceRegistry serviceRegistry) {
        // Nothing to undo: migrations are permanent by design.
    }
}
