/**
 * Schema migrations. The schema comes only from the versioned Flyway scripts under
 * {@code db/migration/common} and {@code db/migration/<vendor>} ({@code h2}, {@code postgresql}),
 * applied while the persistence unit starts, before Hibernate validates the mapping.
 *
 * <p>Rules: a released script is never edited, only followed by a new version; both vendors keep
 * the same version history; PostgreSQL may get stronger guards (triggers) than H2, never weaker;
 * Hibernate never generates or changes the schema.
 */
package dev.tillpoint.shared.migration;
