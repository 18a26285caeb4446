package dev.tillpoint.api;

import java.io.InputStream;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Caps every request body at 64 KiB (413 PAYLOAD_TOO_LARGE), whether it declares its length or
 * arrives chunked. Pre-matching so that no resource can see an unguarded stream.
 *
 * <p>The filter only wraps the stream; the refusal happens when the body is read (see
 * {@link BodyLimitInputStream}). That is after RESTEasy's role check and the terminal filter, so an
 * unauthenticated or unauthorized caller hears 401 or 403 whatever it sent, as DESIGN.md orders,
 * and nothing large is ever buffered. Undertow's own {@code max-post-size} sits above this limit
 * (wildfly-config/01-server.cli) so that it never answers first with a bare page.
 */
@Provider
@PreMatching
public class BodySizeLimitFilter implements ContainerRequestFilter {

    /** The largest body the API accepts, in bytes. */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        InputStream body = request.getEntityStream();
        if (body == null) {
            // Some runtimes give a request without a body no stream at all: nothing to limit.
            return;
        }
        long declared = declaredLength(request.getHeaderString(HttpHeaders.CONTENT_LENGTH));
        request.setEntityStream(new BodyLimitInputStream(body, MAX_BODY_BYTES, declared));
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
