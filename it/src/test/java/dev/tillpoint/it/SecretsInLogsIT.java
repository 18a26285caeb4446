package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * DESIGN.md "Errors": no full account number and no PIN ever appears in a response body after
 * creation, in an error or in a log line. Creates accounts and sends broken requests carrying
 * distinctive card numbers and PINs, then searches every answer and the server's log files.
 */
@Order(Integer.MAX_VALUE) // last of the run (junit-platform.properties orders classes): it reads every earlier test's log lines
class SecretsInLogsIT extends DeployedEar {

    /** PINs used by this class only, unlikely to appear in a log by chance (no dates, no repeats). */
    private static final List<String> PINS = List.of("739164", "582047", "916253", "604718", "837291",
            "271946", "458302", "693857", "385916", "947203");

    private final List<String> cards = new ArrayList<>();
    private final List<Answer> answers = new ArrayList<>();
    private final List<Executable> checks = new ArrayList<>();

    @Test
    void cardNumbersAndPinsNeverReachALogLineOrAResponseBody() throws IOException {
        String customer = Bank.customer();
        String first = card(16);
        String second = card(19);
        String third = card(12);

        expect(201, Bank.postAccount(Bank.accountBody(customer, first, "EUR", 1_000, PINS.get(0))));
        expect(201, Bank.postAccount(Bank.accountBody(customer, second, "USD", 2_000, PINS.get(1))));
        expect(201, Bank.postAccount(Bank.accountBody(customer, third, "EUR", 0, PINS.get(2))));
        expect(200, Api.as(customer, "customer").get(Endpoint.MY_ACCOUNTS.path()));

        expect(409, Bank.postAccount(Bank.accountBody(Bank.customer(), first, "EUR", 100, PINS.get(3))));
        expect(422, Bank.postAccount(Bank.accountBody(Api.uniqueId("nobody"), card(16), "EUR", 100, PINS.get(4))));
        expect(400, Bank.postAccount(Bodies.with(Bank.accountBody(customer, card(16), "EUR", 100, PINS.get(5)), "bogus", 1)));
        expect(400, Bank.postAccount(Bank.accountBody(customer, luhnInvalidCard(), "EUR", 100, PINS.get(6))));
        String truncated = Bodies.json(Bank.accountBody(customer, card(16), "EUR", 100, PINS.get(7)));
        expect(400, Api.admin().post(Endpoint.CREATE_ACCOUNT.path(), truncated.substring(0, truncated.length() - 1)));
        expect(400, Bank.postAccount(Bodies.with(Bank.accountBody(customer, card(16), "EUR", 100, PINS.get(8)),
                "openingBalance", card(17))));
        expect(400, Bank.postAccount(Bodies.with(Bank.accountBody(customer, card(18), "EUR", 100, "x"),
                "pin", Integer.parseInt(PINS.get(9)))));

        String logs = serverLogs();
        for (String card : cards) {
            checks.add(() -> assertFalse(logs.contains(card), "full card number " + card + " in the server log"));
            answers.forEach(answer -> checks.add(() -> assertFalse(answer.body().contains(card),
                    () -> "full card number " + card + " in an answer: " + Expect.describe(answer))));
        }
        for (String pin : PINS) {
            Pattern quoted = Pattern.compile("\"pin\"\\s*:\\s*\"?" + pin);
            Pattern bare = Pattern.compile("(?<![0-9A-Za-z])" + pin + "(?![0-9A-Za-z])");
            checks.add(() -> assertFalse(quoted.matcher(logs).find(), "\"pin\":\"" + pin + "\" in the server log"));
            checks.add(() -> assertFalse(bare.matcher(logs).find(), "PIN " + pin + " in the server log"));
            answers.forEach(answer -> checks.add(() -> assertFalse(bare.matcher(answer.body()).find(),
                    () -> "PIN " + pin + " in an answer: " + Expect.describe(answer))));
        }
        assertAll(checks);
    }

    /** After every other test class of the run: none of the cards any of them sent is in a log line. */
    @Test
    void noCardNumberAnyTestSentReachesALogLine() throws IOException {
        Set<String> issued = Cards.issued();
        assertTrue(issued.size() > 50, () -> "too few cards to mean anything: " + issued.size());
        String logs = serverLogs();
        assertAll(issued.stream().map(card -> () -> assertFalse(logs.contains(card),
                "full card number " + card + " in the server log")));
    }

    private String card(int length) {
        String card = Cards.luhnValid(length);
        cards.add(card);
        return card;
    }

    private String luhnInvalidCard() {
        String card = Cards.luhnInvalid(16);
        cards.add(card);
        return card;
    }

    /** Keeps the answer for the search and checks its status at the end, so one surprise hides no leak. */
    private void expect(int status, Answer answer) {
        answers.add(answer);
        checks.add(() -> assertTrue(answer.status() == status, () -> "expected " + status + ": " + Expect.describe(answer)));
    }

    /** Every file in the server's log directory (server.log and any rotated or other log). */
    private static String serverLogs() throws IOException {
        String serverDir = System.getProperty("tillpoint.it.serverDir");
        assertNotNull(serverDir, "system property tillpoint.it.serverDir is not set");
        Path logDir = Path.of(serverDir, "log");
        assertTrue(Files.isRegularFile(logDir.resolve("server.log")), () -> "no server log at " + logDir.resolve("server.log"));
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                logs.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return logs.toString();
    }
}
