package dev.tillpoint.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillpoint.devtools.DevTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A small HTTP client for the tests: requests as a given caller (a signed dev JWT) or with any
 * raw Authorization header, answers with status, headers and parsed JSON.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static DevTokens tokens;

    private final String authorization;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String base = baseUrl();

    private Api(String authorization) {
        this.authorization = authorization;
    }

    /** A caller with a fresh, valid token for {@code subject} in {@code group}. */
    public static Api as(String subject, String group) {
        return new Api("Bearer " + tokens().mint(subject, group, 600));
    }

    /** A caller with no Authorization header at all. */
    public static Api anonymous() {
        return new Api(null);
    }

    /** A caller with exactly this Authorization header value. */
    public static Api withAuthorization(String headerValue) {
        return new Api(headerValue);
    }

    public static Api admin() {
        return as("it-admin", "admin");
    }

    public static synchronized DevTokens tokens() {
        if (tokens == null) {
            try {
                tokens = DevTokens.fromPem(Path.of(System.getProperty("tillpoint.jwt.privateKey")));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("dev private key not readable", e);
            }
        }
        return tokens;
    }

    /** A unique id for test data, so runs never collide with earlier data. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The same caller, speaking to the server at {@code baseUrl} (a cluster node) instead of the default one. */
    public Api at(String baseUrl) {
        this.base = baseUrl;
        return this;
    }

    public Api header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Answer get(String path) {
        return send("GET", path, null, null);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Answer post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Answer put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    /** Any method, body and content type (null for none): for the broken-request corpus. */
    public Answer send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static String baseUrl() {
        return System.getProperty("tillpoint.it.baseUrl", "http://127.0.0.1:8080");
    }

    /** One HTTP answer. */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }
}
