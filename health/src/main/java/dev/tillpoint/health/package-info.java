/**
 * MicroProfile Health readiness checks, served by WildFly on the management port
 * ({@code :9990/health/ready}).
 *
 * <p>Rules: a check reports UP or DOWN under a plain name and nothing else (no URLs, users, driver
 * messages or keys); why it is DOWN goes to the server log.
 */
package dev.tillpoint.health;
