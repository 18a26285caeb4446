package dev.tillpoint.api.problem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, before any servlet or JAX-RS sees it, a request whose method or URI is hostile rather
 * than merely wrong; the WAR's error page turns the status into problem+json.
 * <ul>
 * <li>A method outside the HTTP methods the API and its documents use → 405. TRACE would echo the
 *     request, Authorization header included, from any servlet that does not override it
 *     (cross-site tracing); an unknown method would reach {@code HttpServlet}'s 501, which is not a
 *     client error code DESIGN.md has. (Undertow's own TRACE refusal is switched off in
 *     01-server.cli because it answers with a bare page.)</li>
 * <li>A request URI whose percent-encoding does not decode to well-formed UTF-8 → 400: an overlong
 *     {@code %C0%AF} must not become a {@code /} in any decoder further on.</li>
 * </ul>
 */
@WebFilter(filterName = "request-line", urlPatterns = "/*")
public class RequestLineFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!METHODS.contains(request.getMethod())) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String query = request.getQueryString();
        if (!isWellFormed(request.getRequestURI()) || (query != null && !isWellFormed(query))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether every percent-encoded byte sequence of {@code raw} is well-formed UTF-8. */
    static boolean isWellFormed(String raw) {
        if (raw.indexOf('%') < 0) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                bytes.put((byte) (hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2))));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                // The container already decoded the raw URI to characters: nothing percent-encoded here.
                bytes.put((byte) '?');
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return true;
        } catch (CharacterCodingException malformed) {
            return false;
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
