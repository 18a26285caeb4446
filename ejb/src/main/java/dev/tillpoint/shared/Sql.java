package dev.tillpoint.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Binding and reading helpers for the plain-JDBC statements of the POS payment path, portable
 * between PostgreSQL and H2 (both take and give {@code timestamp with time zone} as an
 * {@link OffsetDateTime}).
 *
 * <p>Why plain JDBC there: a payment is a dozen short statements, and Hibernate's native-query
 * machinery (parsing, parameter binding, result mapping, auto-flush checks) cost more server CPU
 * than the database spent on them (issue 16's profile). The statements run on the JTA
 * transaction's connection, which WildFly shares with the persistence context of the same
 * transaction, so they commit or roll back with everything else.
 */
public final class Sql {

    private Sql() {
    }

    /** A database fault on the payment path: a bug or an outage, never an expected answer. */
    public static final class Fault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Fault(SQLException cause) {
            // The message names the SQLState only: a driver's message may quote the values bound.
            super("SQL failed with SQLState " + cause.getSQLState(), cause);
        }
    }

    /**
     * Whether {@code db} is PostgreSQL, for the few statements H2 does not share (advisory locks,
     * {@code skip locked}); asked of the driver, which answers from memory.
     */
    public static boolean isPostgres(Connection db) throws SQLException {
        return db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    public static void setString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    public static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** @return null for SQL NULL */
    public static Instant getInstant(ResultSet row, int index) throws SQLException {
        OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** @return null for SQL NULL */
    public static Long getLong(ResultSet row, int index) throws SQLException {
        long value = row.getLong(index);
        return row.wasNull() ? null : value;
    }
}
