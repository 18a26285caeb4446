/**
 * Errors as RFC 9457 {@code application/problem+json}: the {@link dev.tillpoint.api.problem.Problem}
 * body, the one code-to-status table ({@link dev.tillpoint.api.problem.ErrorStatus}), the exception
 * mappers for JAX-RS and the WAR's error page for what never reaches JAX-RS.
 *
 * <p>Rules: every error response is built by {@link dev.tillpoint.api.problem.Problems} (or, outside
 * JAX-RS, from the same {@code Problem}); {@code type} is the code's {@code problemType()};
 * {@code detail} is a fixed or service-written sentence that never echoes input, exception messages
 * or secrets; a request's own fault is a 4xx whatever wrapper it arrives in, and only the server's
 * faults are 500s, logged as one line with a reference the caller is given, and never described to
 * the caller; a body the client cut off is its own fault (400, not logged); Jackson exceptions are never logged,
 * as their messages quote the input.
 */
package dev.tillpoint.api.problem;
