package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * DESIGN.md "Errors" for offline payments: no card number, PIN, code secret or security code in
 * any answer after the authorization's creation, nor in any log line. Runs after every other
 * payment test (just before {@link SecretsInLogsIT}), so it searches their log lines too.
 */
@Order(Integer.MAX_VALUE - 1)
class PaymentSecretsInLogsIT extends DeployedEar {

    /** PINs used only here: no dates, no repeats, unlike anything else in a log. */
    private static final String PIN = "617394";
    private static final String WRONG_PIN = "850263";

    @Test
    void noPaymentSecretReachesALaterAnswerOrALogLine() throws IOException {
        String customer = Bank.customer();
        String card = Cards.luhnValid(16);
        Bank.account(customer, card, "EUR", 10_000, PIN);
        Api phone = Api.as(customer, "customer");
        List<Answer> later = new ArrayList<>();
        String path = Endpoint.CREATE_OFFLINE_AUTHORIZATION.path();

        later.add(phone.post(path, Bodies.json("accountNumber", card, "secureCode", WRONG_PIN, "deviceId", "p1")));
        later.add(phone.post(path, Bodies.json("accountNumber", card, "secureCode", PIN, "deviceId", "p1", "bogus", 1)));
        later.add(phone.post(path, Bodies.json("accountNumber", card, "secureCode", Integer.parseInt(PIN), "deviceId", "p1")));
        Answer created = phone.post(path, Bodies.json("accountNumber", card, "secureCode", PIN, "deviceId", "p1"));
        JsonNode authorization = Expect.created(created);
        String secret = authorization.path("code").path("secret").asText();
        byte[] secretBytes = dev.tillpoint.payments.codes.Base32.decode(secret);
        String code = dev.tillpoint.payments.codes.Totp.code(secretBytes,
                dev.tillpoint.payments.codes.Totp.stepAt(java.time.Instant.now()));

        Pos pos = Pos.newMerchant();
        later.add(phone.get(Endpoint.MY_OFFLINE_AUTHORIZATIONS.path()));
        Answer paid = pos.pay(Api.uniqueId("key"), Pos.paymentBody(customer, code, 100, "EUR"));
        later.add(paid);
        later.add(pos.pay(Api.uniqueId("key"), Pos.paymentBody(customer, code, 100, "EUR")));
        later.add(pos.pay(Api.uniqueId("key"), Bodies.with(Pos.paymentBody(customer, code, 100, "EUR"), "bogus", 1)));
        later.add(pos.pay(Api.uniqueId("key"), Bodies.with(Pos.paymentBody(customer, code, 100, "EUR"), "securityCode",
                Integer.parseInt(code.substring(1)) + 10_000_000)));
        later.add(pos.get(paid.json().path("id").asText()));
        later.add(phone.get(Endpoint.MY_PAYMENTS.path()));
        assertEquals(201, paid.status(), paid::toString);

        String logs = serverLogs();
        List<Executable> checks = new ArrayList<>();
        for (String value : List.of(card, secret, code, java.util.HexFormat.of().formatHex(secretBytes))) {
            checks.add(() -> assertFalse(logs.contains(value), "a payment secret in the server log"));
            later.forEach(answer -> checks.add(() -> assertFalse(answer.body().contains(value),
                    () -> "a payment secret in a later answer: " + Expect.describe(answer))));
        }
        for (String pin : List.of(PIN, WRONG_PIN)) {
            Pattern bare = Pattern.compile("(?<![0-9A-Za-z])" + pin + "(?![0-9A-Za-z])");
            checks.add(() -> assertFalse(bare.matcher(logs).find(), "PIN " + pin + " in the server log"));
            later.forEach(answer -> checks.add(() -> assertFalse(bare.matcher(answer.body()).find(),
                    () -> "PIN in an answer: " + Expect.describe(answer))));
        }
        assertAll(checks);
    }

    /** After the other payment tests: none of the secrets they got nor the codes they sent is in a log line. */
    @Test
    void noSecretOrCodeAnyPaymentTestHandledReachesALogLine() throws IOException {
        Set<String> secrets = Payer.issuedSecrets();
        Set<String> codes = Payer.sentCodes();
        assertTrue(secrets.size() > 20 && codes.size() > 20,
                () -> "too few to mean anything: " + secrets.size() + " secrets, " + codes.size() + " codes");
        String logs = serverLogs();
        assertAll(Stream.concat(secrets.stream(), codes.stream().map(code -> "(?<![0-9A-Za-z])" + code + "(?![0-9A-Za-z])"))
                .map(value -> () -> assertFalse(Pattern.compile(value).matcher(logs).find(),
                        "a code secret or security code in the server log")));
    }

    private static String serverLogs() throws IOException {
        String serverDir = System.getProperty("tillpoint.it.serverDir");
        assertNotNull(serverDir, "system property tillpoint.it.serverDir is not set");
        Path logDir = Path.of(serverDir, "log");
        assertTrue(Files.isRegularFile(logDir.resolve("server.log")), () -> "no server log at " + logDir);
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                logs.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return logs.toString();
    }
}
