package dev.tillpoint.it;

import dev.tillpoint.it.Api.Answer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What {@link Api} does not do: bodies of unknown length (HTTP/1.1 chunked transfer coding) and
 * requests to absolute URLs (the OpenAPI document, the management port, the root page).
 */
final class RawHttp {

    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private RawHttp() {
    }

    /** The management interface (health, metrics). */
    static String managementUrl() {
        return System.getProperty("tillpoint.it.managementUrl", "http://127.0.0.1:9990");
    }

    /** Sends {@code body} with {@code Transfer-Encoding: chunked} (no Content-Length). */
    static Answer chunked(String method, String path, String authorization, String body, String contentType) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .header("Authorization", authorization)
                .header("Content-Type", contentType);
        return send(request.build());
    }

    static Answer get(String url, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", accept)
                .GET()
                .build());
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP_1_1.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
