package dev.tillpoint.api;

import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards every request body: at most {@code tillpoint.http.max-body-bytes} (default 1 MiB,
 * DESIGN.md "Errors") or 413 PAYLOAD_TOO_LARGE, whether it declares its length or arrives chunked;
 * and well-formed UTF-8 or 400 VALIDATION_FAILED ({@link StrictUtf8InputStream}). Pre-matching so
 * that no resource can see an unguarded stream.
 *
 * <p>The filter only wraps the stream; the refusal happens when the body is read (see
 * {@link BodyLimitInputStream}). That is after RESTEasy's role check and the terminal filter, so an
 * unauthenticated or unauthorized caller hears 401 or 403 whatever it sent, as DESIGN.md orders,
 * and nothing large is ever buffered. Undertow's own {@code max-post-size} sits far above this
 * limit (wildfly-config/01-server.cli) so that it never answers first with a bare page.
 */
@Provider
@PreMatching
@ApplicationScoped
public class BodySizeLimitFilter implements ContainerRequestFilter {

    /** The configuration property of the limit, in bytes. */
    public static final String MAX_BODY_BYTES_PROPERTY = "tillpoint.http.max-body-bytes";
    /** DESIGN.md's default: 1 MiB. */
    public static final String DEFAULT_MAX_BODY_BYTES = "1048576";

    @Inject
    @ConfigProperty(name = MAX_BODY_BYTES_PROPERTY, defaultValue = DEFAULT_MAX_BODY_BYTES)
    long maxBodyBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        InputStream body = request.getEntityStream();
        if (body == null) {
            // Some runtimes give a request without a body no stream at all: nothing to limit.
            return;
        }
        long declared = declaredLength(request.getHeaderString(HttpHeaders.CONTENT_LENGTH));
        // The size check sits outside, so an oversized body is refused before its bytes are decoded.
        request.setEntityStream(new BodyLimitInputStream(new StrictUtf8InputStream(body), maxBodyBytes, declared));
    }

    /**
     * The Content-Length, or -1 when absent or malformed (Undertow rejects a malformed one before we
     * run; should one get here, the byte count still enforces the limit).
     */
    static long declaredLength(String header) {
        String value = header == null ? "" : header.trim();
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        // More than 18 digits cannot fit a long, and is far over any limit anyway.
        return value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value);
    }
}
