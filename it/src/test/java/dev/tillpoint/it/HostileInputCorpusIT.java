package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tillpoint.it.Api.Answer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, "What must show": every endpoint is sent its fields with NUL, other control
 * characters, lone surrogates, overlong UTF-8, 10^6-character strings, extreme numbers and
 * extreme times, in the body, the path, the query and the Idempotency-Key header. However wrong,
 * no answer is a 5xx, no answer shows a stack or a class name, and the server log grows by at most
 * one line per request, none of them a stack trace (DESIGN.md "Errors").
 */
class HostileInputCorpusIT extends DeployedEar {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final com.fasterxml.jackson.databind.ObjectMapper ESCAPING = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** Values put in place of every field of every body, whatever its type. */
    private static final Map<String, JsonNode> HOSTILE_VALUES = hostileValues();

    /** Raw bodies of bytes that are no UTF-8, each sent to every endpoint that takes a body. */
    private static final List<byte[]> MALFORMED_BODIES = List.of(
            bytes("{\"id\":\"a", "c0af", "\"}"), bytes("{\"name\":\"", "eda080", "\"}"), bytes("{\"x\":\"", "ff", "\"}"),
            bytes("{\"name\":\"", "c3", ""));

    /** Path segments, already URL-encoded as a client would send them. */
    private static final List<String> HOSTILE_SEGMENTS = List.of("a%00b", "%01", "a%7Fb", "%C2%85", "%C0%AF", "%C0%AE%C0%AE",
            "%ED%A0%80", "%FF", "x".repeat(3_000), "%E2%80%AE", "..%2F..%2Fetc", "9223372036854775808");

    /** Query-parameter values, raw (encoded below). */
    private static final List<String> HOSTILE_QUERY = List.of("a\u0000b", "\u0001", "\u0085", "\uD800", "x".repeat(3_000),
            "+294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "99999999999999999999", "-1", "1e308");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private int requests;
    private final List<String> failures = new ArrayList<>();

    private static Map<String, JsonNode> hostileValues() {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("NUL", NODES.textNode("a\u0000b"));
        values.put("C0 controls", NODES.textNode("\u0001\u0008\u001B[31m\u001F"));
        values.put("DEL", NODES.textNode("a\u007Fb"));
        values.put("C1 control NEL", NODES.textNode("a\u0085b"));
        values.put("CR LF", NODES.textNode("a\r\nSet-Cookie: x"));
        values.put("lone high surrogate", NODES.textNode("a\uD800"));
        values.put("lone low surrogate", NODES.textNode("\uDC00b"));
        values.put("reversed surrogates", NODES.textNode("\uDE00\uD83D"));
        values.put("10^6 characters", NODES.textNode("a".repeat(1_000_000)));
        values.put("300 000 two-byte characters", NODES.textNode("é".repeat(300_000)));
        values.put("empty", NODES.textNode(""));
        values.put("time +294277", NODES.textNode("+294277-01-01T00:00:00Z"));
        values.put("time -4714", NODES.textNode("-4714-11-24T00:00:00Z"));
        values.put("time 1969", NODES.textNode("1969-12-31T23:59:59Z"));
        values.put("1e308", NODES.numberNode(1e308));
        values.put("-1e308", NODES.numberNode(-1e308));
        values.put("1e400", NODES.numberNode(new BigDecimal("1e400")));
        values.put("2^63", NODES.numberNode(BigInteger.TWO.pow(63)));
        values.put("-2^63-1", NODES.numberNode(BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE)));
        values.put("10^30", NODES.numberNode(BigInteger.TEN.pow(30)));
        values.put("Long.MIN_VALUE", NODES.numberNode(Long.MIN_VALUE));
        values.put("4.9e-324", NODES.numberNode(Double.MIN_VALUE));
        values.put("-0.0", NODES.numberNode(-0.0));
        values.put("0.5", NODES.numberNode(0.5));
        values.put("epoch seconds of year 294277", NODES.numberNode(9_224_286_393_600L));
        return values;
    }

    @Test
    void noHostileInputGetsA5xxAStackOrMoreThanOneLogLine() throws IOException {
        long logLinesBefore = serverLogLines().size();

        for (Endpoint endpoint : Endpoint.values()) {
            if (endpoint.takesBody()) {
                sendHostileBodies(endpoint);
            }
            if (endpoint.template.contains("{")) {
                for (String segment : HOSTILE_SEGMENTS) {
                    String path = endpoint.template.replaceAll("\\{[^}]+}", segment);
                    check(endpoint + " path " + Bodies.show(segment), () -> send(endpoint, path, endpoint.sampleBody(), Map.of()));
                }
            }
            for (String parameter : queryParameters(endpoint)) {
                for (String value : HOSTILE_QUERY) {
                    String path = endpoint.samplePath() + "?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
                    check(endpoint + " ?" + parameter + "=" + Bodies.show(value), () -> send(endpoint, path, endpoint.sampleBody(), Map.of()));
                }
                String overlong = endpoint.samplePath() + "?" + parameter + "=%C0%AF";
                check(endpoint + " ?" + parameter + "=%C0%AF", () -> send(endpoint, overlong, endpoint.sampleBody(), Map.of()));
            }
            if (endpoint == Endpoint.POS_PAY || endpoint == Endpoint.POS_REFUND) {
                for (String key : List.of("k\u0085y", "k\u009Fy", "k\ty", "é".repeat(40), "k".repeat(3_000))) {
                    check(endpoint + " Idempotency-Key " + Bodies.show(key), () -> send(endpoint, endpoint.samplePath(),
                            endpoint.sampleBody(), Map.of("Idempotency-Key", key)));
                }
            }
        }

        assertTrue(requests > 1_000, () -> "too few requests to mean anything: " + requests);
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + requests + " hostile requests failed, first ones: "
                + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));

        List<String> lines = serverLogLines();
        List<String> added = lines.subList((int) logLinesBefore, lines.size());
        List<String> stackLines = added.stream().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by")
                || line.matches("^\\s+at [a-z].*")).limit(20).toList();
        assertEquals(List.of(), stackLines, "stack trace lines in the server log");
        assertTrue(added.size() <= requests, () -> added.size() + " log lines for " + requests + " requests: "
                + added.subList(0, Math.min(40, added.size())));
    }

    private void sendHostileBodies(Endpoint endpoint) {
        String sample = endpoint.sampleBody();
        JsonNode body = Api.JSON.valueToTree(parse(sample));
        for (List<Object> field : leaves(body, new ArrayList<>())) {
            for (Map.Entry<String, JsonNode> value : HOSTILE_VALUES.entrySet()) {
                JsonNode hostile = body.deepCopy();
                replace(hostile, field, value.getValue());
                String json = writeEscaped(hostile);
                check(endpoint + " " + field + " = " + value.getKey(), () -> send(endpoint, endpoint.samplePath(), json, Map.of()));
            }
        }
        for (byte[] raw : MALFORMED_BODIES) {
            check(endpoint + " body " + HexFormat.of().formatHex(raw), () -> sendBytes(endpoint, endpoint.samplePath(), raw));
        }
    }

    /** The paths to every scalar of {@code node}: field names and array positions. */
    private static List<List<Object>> leaves(JsonNode node, List<Object> at) {
        List<List<Object>> paths = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                List<Object> next = new ArrayList<>(at);
                next.add(field.getKey());
                paths.addAll(leaves(field.getValue(), next));
            });
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                // An empty list still takes elements: try one.
                List<Object> next = new ArrayList<>(at);
                next.add(0);
                paths.add(next);
            }
            for (int i = 0; i < node.size(); i++) {
                List<Object> next = new ArrayList<>(at);
                next.add(i);
                paths.addAll(leaves(node.get(i), next));
            }
        } else {
            paths.add(at);
        }
        return paths;
    }

    private static void replace(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ArrayNode array = (ArrayNode) parent;
            if (index < array.size()) {
                array.set(index, value);
            } else {
                array.add(value);
            }
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static List<String> queryParameters(Endpoint endpoint) {
        List<String> parameters = new ArrayList<>();
        if (endpoint.pages() || endpoint == Endpoint.MY_FEED) {
            parameters.add("limit");
            parameters.add("cursor");
        }
        if (endpoint == Endpoint.MY_PAYMENTS) {
            parameters.add("since");
        }
        // A parameter no endpoint declares is still text from the client.
        parameters.add("unknown");
        return parameters;
    }

    private void check(String what, Supplier<Answer> request) {
        requests++;
        Answer answer;
        try {
            answer = request.get();
        } catch (IllegalArgumentException refusedByTheClient) {
            // java.net.http refuses some header values itself: nothing reached the server.
            requests--;
            return;
        } catch (IllegalStateException noAnswer) {
            failures.add(what + ": no answer (" + noAnswer.getCause() + ")");
            return;
        }
        if (answer.status() >= 500) {
            failures.add(what + ": " + Expect.describe(answer));
            return;
        }
        for (String marker : Expect.LEAK_MARKERS) {
            if (answer.body().contains(marker)) {
                failures.add(what + ": reveals '" + marker.strip() + "': " + Expect.describe(answer));
                return;
            }
        }
        if (answer.status() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
            failures.add(what + ": not problem+json: " + Expect.describe(answer));
        }
    }

    private static Answer send(Endpoint endpoint, String path, String body, Map<String, String> headers) {
        Api caller = Callers.as(endpoint.role);
        if (endpoint == Endpoint.POS_PAY || endpoint == Endpoint.POS_REFUND) {
            caller.header("Idempotency-Key", Api.uniqueId("key"));
        }
        headers.forEach(caller::header);
        return caller.send(endpoint.method, path, endpoint.takesBody() ? body : null, endpoint.takesBody() ? "application/json" : null);
    }

    private static Answer sendBytes(Endpoint endpoint, String path, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .method(endpoint.method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + Api.tokens().mint(Callers.in(endpoint.role), endpoint.role, 600))
                .header("Content-Type", "application/json");
        if (endpoint == Endpoint.POS_PAY || endpoint == Endpoint.POS_REFUND) {
            request.header("Idempotency-Key", Api.uniqueId("key"));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * JSON with every non-ASCII character as a {@code \\u} escape: a lone surrogate has no UTF-8
     * form, so sent as text it would arrive as '?' and test nothing.
     */
    private static String writeEscaped(JsonNode node) {
        try {
            return ESCAPING.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String before, String hex, String after) {
        return HostileClientsIT.concat(before.getBytes(StandardCharsets.US_ASCII), HexFormat.of().parseHex(hex),
                after.getBytes(StandardCharsets.US_ASCII));
    }

    private static List<String> serverLogLines() throws IOException {
        String serverDir = System.getProperty("tillpoint.it.serverDir");
        assertNotNull(serverDir, "system property tillpoint.it.serverDir is not set");
        Path log = Path.of(serverDir, "log", "server.log");
        return Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    }
}
