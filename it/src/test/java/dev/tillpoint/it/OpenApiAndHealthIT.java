package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DESIGN.md "Architecture": the OpenAPI document at /openapi describes the contract, health is
 * on the management port with readiness checks for the database and JMS, and the context root
 * "/" belongs to the application, not to WildFly's welcome content.
 */
class OpenApiAndHealthIT extends DeployedEar {

    @Test
    void theJsonOpenApiDocumentListsEveryContractOperation() {
        Answer answer = RawHttp.get(Api.baseUrl() + "/openapi", "application/json");
        JsonNode document = Expect.ok(answer);
        assertTrue(document.path("openapi").asText().startsWith("3."), () -> "not OpenAPI 3: " + Expect.describe(answer));
        JsonNode paths = document.path("paths");
        List<String> names = new ArrayList<>();
        paths.fieldNames().forEachRemaining(names::add);

        List<Executable> checks = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            checks.add(() -> {
                String path = names.stream().filter(name -> name.matches(endpoint.templateRegex())).findFirst()
                        .orElseThrow(() -> new AssertionError(endpoint.template + " not among the paths " + names));
                JsonNode operation = paths.get(path).path(endpoint.method.toLowerCase(Locale.ROOT));
                assertFalse(operation.isMissingNode(), () -> endpoint + " has no operation: " + paths.get(path));
                assertTrue(operation.path("security").toString().contains("\"jwt\""),
                        () -> endpoint + " does not require the bearer JWT: " + operation);
                assertTrue(operation.path("description").asText().contains(endpoint.role)
                                || operation.path("summary").asText().contains(endpoint.role),
                        () -> endpoint + " does not name its role " + endpoint.role + ": " + operation);
                List<String> documented = new ArrayList<>();
                operation.path("responses").fieldNames().forEachRemaining(documented::add);
                List<String> required = new ArrayList<>(List.of("401", "403"));
                // A 400 needs something to refuse: a body or a path parameter (a bare POST such as a
                // settlement run has neither).
                if (endpoint.takesBody() || endpoint.template.contains("{")) {
                    required.add("400");
                }
                assertTrue(documented.containsAll(required),
                        () -> endpoint + " documents " + documented + ", not all of " + required);
            });
        }
        assertAll(checks);
    }

    @Test
    void theYamlOpenApiDocumentListsEveryContractPath() {
        Answer answer = RawHttp.get(Api.baseUrl() + "/openapi", "application/yaml");
        assertEquals(200, answer.status(), () -> Expect.describe(answer));
        assertTrue(answer.contentType().toLowerCase(Locale.ROOT).contains("yaml"), () -> Expect.describe(answer));
        assertTrue(Pattern.compile("(?m)^openapi:\\s*['\"]?3\\.").matcher(answer.body()).find(), () -> Expect.describe(answer));
        assertAll(Arrays.stream(Endpoint.values()).map(endpoint -> () -> assertTrue(
                Pattern.compile("(?m)^\\s*['\"]?" + endpoint.templateRegex() + "['\"]?\\s*:").matcher(answer.body()).find(),
                () -> endpoint.template + " not in the YAML document: " + Expect.describe(answer))));
    }

    @Test
    void readinessIsUpWithDatabaseAndJmsChecks() {
        Answer answer = RawHttp.get(RawHttp.managementUrl() + "/health/ready", "application/json");
        JsonNode health = Expect.ok(answer);
        assertEquals("UP", health.path("status").asText(), () -> Expect.describe(answer));
        JsonNode checks = health.path("checks");
        assertTrue(checks.isArray(), () -> "no checks: " + Expect.describe(answer));
        List<String> names = StreamSupport.stream(checks.spliterator(), false)
                .map(check -> check.path("name").asText().toLowerCase(Locale.ROOT)).toList();
        assertTrue(names.stream().anyMatch(name -> name.contains("datasource") || name.contains("database")),
                () -> "no datasource/database check: " + Expect.describe(answer));
        assertTrue(names.stream().anyMatch(name -> name.contains("jms")), () -> "no JMS check: " + Expect.describe(answer));
        checks.forEach(check -> assertEquals("UP", check.path("status").asText(), () -> "check not UP: " + check));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html"})
    void theRootIsNotWildFlysWelcomePage(String path) {
        Answer answer = RawHttp.get(Api.baseUrl() + path, "text/html");
        assertTrue(answer.status() < 500, () -> Expect.describe(answer));
        String body = answer.body().toLowerCase(Locale.ROOT);
        assertFalse(body.contains("welcome to wildfly"), () -> "WildFly's welcome page: " + Expect.describe(answer));
        assertFalse(body.contains("wildfly instance is running"), () -> "WildFly's welcome page: " + Expect.describe(answer));
    }
}
