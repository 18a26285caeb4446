package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The assertions every test shares: status and media type of an answer, the RFC 9457
 * problem+json shape of DESIGN.md "Errors", and that no answer reveals the implementation.
 * Every failure message shows the answer.
 */
final class Expect {

    /** Ids in paths and bodies (DESIGN.md). */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Text that only a stack trace, an exception message or a framework message would put in a body. */
    static final List<String> LEAK_MARKERS = List.of("Exception", "java.", "javax.", "jakarta.", "at dev.",
            "dev.tillpoint.", "org.jboss", "org.hibernate", "org.h2", "org.postgresql", "com.fasterxml",
            "io.smallrye", "io.undertow", "RESTEASY", "WFLY", "Caused by", "\tat ");

    /** The generic codes of DESIGN.md "Errors", by status. */
    static final Map<Integer, String> GENERIC_CODES = Map.of(
            400, "VALIDATION_FAILED",
            401, "UNAUTHORIZED",
            403, "FORBIDDEN",
            404, "NOT_FOUND",
            405, "METHOD_NOT_ALLOWED",
            413, "PAYLOAD_TOO_LARGE",
            415, "UNSUPPORTED_MEDIA_TYPE");

    private Expect() {
    }

    /** The answer for a failure message, its body cut short. */
    static String describe(Answer answer) {
        String body = answer.body() == null ? "" : answer.body();
        if (body.length() > 2000) {
            body = body.substring(0, 2000) + "…(" + body.length() + " chars)";
        }
        return answer.status() + " " + answer.contentType() + " " + body;
    }

    /** Status {@code status} with an application/json body; the parsed body. */
    static JsonNode json(Answer answer, int status) {
        assertEquals(status, answer.status(), () -> "status: " + describe(answer));
        assertTrue(isJson(answer), () -> "not application/json: " + describe(answer));
        return answer.json();
    }

    static JsonNode ok(Answer answer) {
        return json(answer, 200);
    }

    static JsonNode created(Answer answer) {
        return json(answer, 201);
    }

    static void noContent(Answer answer) {
        assertEquals(204, answer.status(), () -> "status: " + describe(answer));
        assertTrue(answer.body().isEmpty(), () -> "204 with a body: " + describe(answer));
    }

    /** The path of the answer's {@code Location} header, resolved against the API's base URL as a client would. */
    static String locationPath(Answer answer) {
        String location = answer.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location header: " + describe(answer)));
        return URI.create(Api.baseUrl() + "/").resolve(location).getRawPath();
    }

    static boolean isJson(Answer answer) {
        return answer.contentType().toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    /** A problem+json answer with this status and code. */
    static JsonNode problem(Answer answer, int status, String code) {
        assertEquals(status, answer.status(), () -> "status: " + describe(answer));
        return problemBody(answer, code);
    }

    /** A problem+json answer with one of these statuses and, where the status has one, its generic code. */
    static JsonNode problemOneOf(Answer answer, int... statuses) {
        assertTrue(Arrays.stream(statuses).anyMatch(s -> s == answer.status()),
                () -> "status not one of " + Arrays.toString(statuses) + ": " + describe(answer));
        return problemBody(answer, GENERIC_CODES.get(answer.status()));
    }

    /** 400 VALIDATION_FAILED whose {@code errors} name every one of {@code fields}. */
    static JsonNode validation(Answer answer, String... fields) {
        JsonNode problem = problem(answer, 400, "VALIDATION_FAILED");
        Set<String> named = new HashSet<>();
        problem.get("errors").forEach(error -> named.add(error.path("field").asText()));
        for (String field : fields) {
            assertTrue(named.contains(field), () -> "errors do not name '" + field + "': " + describe(answer));
        }
        return problem;
    }

    /** No stack trace, exception or framework class name in the body. */
    static void noLeak(Answer answer) {
        for (String marker : LEAK_MARKERS) {
            assertFalse(answer.body().contains(marker),
                    () -> "answer reveals internals ('" + marker.strip() + "'): " + describe(answer));
        }
    }

    /** {@code /problems/} plus the code in lower-case kebab form. */
    static String problemType(String code) {
        return "/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static JsonNode problemBody(Answer answer, String expectedCode) {
        assertTrue(answer.contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json"),
                () -> "not application/problem+json: " + describe(answer));
        noLeak(answer);
        JsonNode problem = answer.json();
        String code = problem.path("code").asText("");
        assertTrue(problem.path("code").isTextual() && !code.isBlank(), () -> "no code: " + describe(answer));
        if (expectedCode != null) {
            assertEquals(expectedCode, code, () -> "code: " + describe(answer));
        }
        assertEquals(problemType(code), problem.path("type").asText(), () -> "type: " + describe(answer));
        assertTrue(problem.path("title").isTextual() && !problem.path("title").asText().isBlank(),
                () -> "no title: " + describe(answer));
        assertTrue(problem.path("status").isInt() && problem.path("status").asInt() == answer.status(),
                () -> "status member differs from the HTTP status: " + describe(answer));
        assertTrue(!problem.has("detail") || problem.get("detail").isTextual() || problem.get("detail").isNull(),
                () -> "detail not a string: " + describe(answer));
        if (answer.status() == 400) {
            assertTrue(problem.path("errors").isArray(), () -> "400 without an errors array: " + describe(answer));
            problem.get("errors").forEach(error -> assertTrue(error.isObject() && error.path("message").isTextual()
                    && (error.path("field").isTextual() || error.path("field").isMissingNode() || error.path("field").isNull()),
                    () -> "errors item is not {field, message}: " + describe(answer)));
        }
        return problem;
    }
}
