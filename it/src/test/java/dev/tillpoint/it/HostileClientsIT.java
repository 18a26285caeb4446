package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 11, "Hostile clients": what a probe of the running server found, each pinned by the answer
 * DESIGN.md ("Architecture", "Errors") now asks for. The hostile-input corpus over every endpoint
 * is {@link HostileInputCorpusIT}; the refused tokens are in {@link Tokens#refused} (every endpoint,
 * {@link SecurityIT}).
 */
class HostileClientsIT extends DeployedEar {

    /** How many slow or silent connections are opened at once (issue 11: 33 froze the API). */
    private static final int HOSTILE_CONNECTIONS = 200;
    /**
     * The longest a normal request may take while they are open: far under the listener's 5 s read
     * timeout, which is what a starved request would wait for at least (and 90 s before the fix).
     */
    private static final Duration NORMAL_ANSWER_WITHIN = Duration.ofSeconds(2);
    /** How long the server may take to drop every hostile connection (timeouts of 5 and 10 s). */
    private static final Duration ALL_DROPPED_WITHIN = Duration.ofSeconds(25);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    // --- 1. slow and silent clients -------------------------------------------------------------

    @Test
    void slowAndSilentClientsAreDroppedWithinSecondsAndStarveNobody() throws Exception {
        URI base = URI.create(Api.baseUrl());
        String admin = "Bearer " + Api.tokens().mint("it-admin", "admin", 600);
        // The normal client's usual answer, measured before: must work at all.
        for (int i = 0; i < 5; i++) {
            assertEquals(200, normalRequest(base, admin).statusCode());
        }

        List<Socket> hostile = new ArrayList<>();
        try {
            for (int i = 0; i < HOSTILE_CONNECTIONS; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
                hostile.add(socket);
                byte[] start = switch (i % 4) {
                    // A request head and a few body bytes, then nothing: what froze the API.
                    case 0, 1 -> ("POST /api/v1/admin/customers HTTP/1.1\r\nHost: " + base.getHost()
                            + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"na").getBytes(StandardCharsets.US_ASCII);
                    // The same with a valid token, so the body would really be read.
                    case 2 -> ("POST /api/v1/admin/customers HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: " + admin
                            + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"na").getBytes(StandardCharsets.US_ASCII);
                    // Half a request head, then nothing (slowloris); or nothing at all.
                    default -> i % 8 == 3 ? "GET /api/v1/accounts HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII) : new byte[0];
                };
                socket.getOutputStream().write(start);
                socket.getOutputStream().flush();
            }

            List<Executable> normalAnswers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long started = System.nanoTime();
                HttpResponse<String> answer = normalRequest(base, admin);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                int request = i;
                normalAnswers.add(() -> assertEquals(200, answer.statusCode(), "normal request " + request + ": " + answer.body()));
                normalAnswers.add(() -> assertTrue(took.compareTo(NORMAL_ANSWER_WITHIN) < 0,
                        "normal request " + request + " took " + took.toMillis() + " ms while " + HOSTILE_CONNECTIONS
                                + " slow clients were connected"));
            }
            assertAll(normalAnswers);

            Instant deadline = Instant.now().plus(ALL_DROPPED_WITHIN);
            List<Integer> stillOpen = new ArrayList<>();
            for (int i = 0; i < hostile.size(); i++) {
                if (!closedByServerBefore(hostile.get(i), deadline)) {
                    stillOpen.add(i);
                }
            }
            assertEquals(List.of(), stillOpen, "hostile connections the server kept open for " + ALL_DROPPED_WITHIN.toSeconds() + " s");
        } finally {
            for (Socket socket : hostile) {
                socket.close();
            }
        }
    }

    private static HttpResponse<String> normalRequest(URI base, String admin) throws IOException, InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/admin/ledger/trial-balance"))
                    .timeout(NORMAL_ANSWER_WITHIN.multipliedBy(2))
                    .header("Authorization", admin)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException starved) {
            throw new AssertionError("a normal request got no answer within " + NORMAL_ANSWER_WITHIN.multipliedBy(2).toSeconds()
                    + " s: the slow clients starve the others", starved);
        }
    }

    /** Whether the server closed the connection (end of stream or reset) before the deadline. */
    private static boolean closedByServerBefore(Socket socket, Instant deadline) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (true) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) Math.max(1, left));
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
                // An answer (a 401, a 408) may come first; the close must follow.
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
    }

    // --- 2. control characters, NUL, unpaired surrogates ------------------------------------------

    /** The twelve fields the probe's NUL turned into a 500, each with the path it is sent to. */
    @TestFactory
    Stream<DynamicTest> aNulInATextFieldIs400NamingTheField() {
        String customer = Callers.in("customer");
        String merchant = Callers.in("merchant");
        String nul = "a\u0000b";
        return Stream.of(
                nulIn("customer name", Api.admin(), "POST", Endpoint.CREATE_CUSTOMER.path(),
                        Bodies.map("id", Api.uniqueId("cust"), "name", nul), "name"),
                nulIn("merchant name", Api.admin(), "POST", Endpoint.CREATE_MERCHANT.path(),
                        Bodies.map("id", Api.uniqueId("merch"), "name", nul, "currency", "EUR"), "name"),
                nulIn("order id", Callers.as("pos").header("Idempotency-Key", Api.uniqueId("key")), "POST", Endpoint.POS_PAY.path(),
                        Bodies.with(Pos.paymentBody(customer, "12345678", 100, "EUR"), "order", Bodies.map("id", nul)), "order.id"),
                nulIn("order description", Callers.as("pos").header("Idempotency-Key", Api.uniqueId("key")), "POST", Endpoint.POS_PAY.path(),
                        Bodies.with(Pos.paymentBody(customer, "12345678", 100, "EUR"), "order", Bodies.map("id", "o1", "description", nul)),
                        "order.description"),
                nulIn("idempotency key in the body", Callers.as("pos"), "POST", Endpoint.POS_REVERSE_BY_KEY.path(),
                        Bodies.map("idempotencyKey", nul), "idempotencyKey"),
                nulIn("group name", Callers.as("customer"), "POST", Endpoint.CREATE_GROUP.path(),
                        Bodies.map("name", nul, "members", List.of()), "name"),
                nulIn("post title", Callers.as("customer"), "POST", Endpoint.CREATE_POST.path(),
                        Bodies.map("mediaType", "ARTICLE", "title", nul, "url", "https://media.example/a"), "title"),
                nulIn("post summary", Callers.as("customer"), "POST", Endpoint.CREATE_POST.path(),
                        Bodies.map("mediaType", "ARTICLE", "title", "t", "url", "https://media.example/a", "summary", nul), "summary"),
                nulIn("comment text", Callers.as("customer"), "POST", Endpoint.INTERACT.path(Feeds.post(customer)),
                        Bodies.map("type", "COMMENT", "text", nul), "text"),
                nulIn("beacon title", Api.admin(), "POST", Endpoint.REGISTER_BEACON.path(),
                        Bodies.with(Beacons.body(Beacons.newId()), "page", Beacons.page("https://shop.example/p", nul)), "page.title"),
                nulIn("beacon description", Api.admin(), "POST", Endpoint.REGISTER_BEACON.path(),
                        Bodies.with(Beacons.body(Beacons.newId()), "page",
                                Bodies.with(Beacons.page("https://shop.example/p", "t"), "description", nul)), "page.description"),
                dynamicTest("idempotency key in the header", () -> Expect.validation(
                        Callers.as("pos").header("Idempotency-Key", "key\u0085x").post(Endpoint.POS_PAY.path(),
                                Bodies.json(Pos.paymentBody(customer, "12345678", 100, "EUR"))), "Idempotency-Key")),
                dynamicTest("merchant id in a query parameter", () -> Expect.validation(Callers.as("merchant")
                        .get(Endpoint.MERCHANT_TERMINALS.path() + "?cursor=" + URLEncoder.encode(merchant + "\u0000", StandardCharsets.UTF_8)),
                        "cursor")));
    }

    private static DynamicTest nulIn(String what, Api caller, String method, String path, Map<String, Object> body, String field) {
        return dynamicTest(what, () -> Expect.validation(caller.send(method, path, Bodies.json(body), "application/json"), field));
    }

    @TestFactory
    Stream<DynamicTest> controlCharactersAndLoneSurrogatesAreRefusedButFreeTextKeepsTabAndLineFeed() {
        String customer = Callers.in("customer");
        return Stream.concat(
                // As JSON escapes: a lone surrogate has no UTF-8 form a client library would send.
                Stream.of("a\\u0007b", "a\\rb", "a\\nb", "a\\tb", "a\\u007Fb", "a\\u0085b", "a\\uD800b", "a\\uDC00",
                        "\\uDBFF", "\\uDE00\\uD83D").map(escaped ->
                        dynamicTest("customer name \"" + escaped + "\"", () -> Expect.validation(Api.admin().post(
                                Endpoint.CREATE_CUSTOMER.path(), "{\"name\": \"" + escaped + "\"}"), "name"))),
                Stream.of(
                        dynamicTest("a comment keeps tab and line feed", () -> {
                            Answer answer = Callers.as("customer").post(Endpoint.INTERACT.path(Feeds.post(customer)),
                                    Bodies.json("type", "COMMENT", "text", "first line\n\tsecond line"));
                            assertEquals(202, answer.status(), () -> Expect.describe(answer));
                        }),
                        dynamicTest("a comment refuses a carriage return", () -> Expect.validation(
                                Callers.as("customer").post(Endpoint.INTERACT.path(Feeds.post(customer)),
                                        Bodies.json("type", "COMMENT", "text", "line\r\nbreak")), "text")),
                        dynamicTest("a post summary keeps a line feed", () -> Expect.created(Callers.as("customer").post(
                                Endpoint.CREATE_POST.path(), Bodies.json("mediaType", "ARTICLE", "title", "Two lines",
                                        "url", "https://media.example/two", "summary", "one\ntwo"))))));
    }

    // --- 3. times -------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> timesOutside1970To9999OrNotInZAre400() {
        Api customer = Callers.as("customer");
        return Stream.of("+294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
                        "2026-11-28T10:15:30+01:00", "2026-11-28T10:15:30", "0000-01-01T00:00:00Z")
                .map(time -> dynamicTest("since=" + time, () -> Expect.validation(customer.get(
                        Endpoint.MY_PAYMENTS.path() + "?since=" + URLEncoder.encode(time, StandardCharsets.UTF_8)), "since")));
    }

    @Test
    void theEdgesOfTheRangeAreTaken() {
        Api customer = Callers.as("customer");
        for (String time : List.of("1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z")) {
            Expect.ok(customer.get(Endpoint.MY_PAYMENTS.path() + "?since=" + URLEncoder.encode(time, StandardCharsets.UTF_8)));
        }
    }

    // --- 8. tokens that are accepted ----------------------------------------------------------

    @Test
    void tokensWithTheAudienceInAnArrayOrIssuedWithinTheSkewAreAccepted() {
        String customer = Callers.in("customer");
        long now = Instant.now().getEpochSecond();
        Map<String, Object> valid = Tokens.claims(customer, "customer");
        for (Map<String, Object> claims : List.of(
                valid,
                Bodies.with(valid, "aud", List.of("payroll", "tillpoint")),
                Bodies.with(Bodies.with(valid, "iat", now + 30), "exp", now + 630),
                Bodies.with(Bodies.with(valid, "iat", now - 600), "exp", now - 600 + 86_400))) {
            Answer answer = Api.withAuthorization(Tokens.bearer(claims)).get(Endpoint.MY_ACCOUNTS.path());
            assertEquals(200, answer.status(), () -> claims + ": " + Expect.describe(answer));
        }
    }

    @Test
    void theDevTokensCarryTheAudience() {
        String token = Api.tokens().mint("it-admin", "admin", 600);
        JsonNode claims = Api.JSON.valueToTree(parse(token));
        assertEquals("tillpoint", claims.path("aud").asText(), claims::toString);
    }

    private static Object parse(String token) {
        try {
            return Api.JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- 9. bodies over 1 MiB ---------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> anOversizedBodyWithoutATokenIs401First() {
        String oversized = Bodies.paddedTo(Bodies.map("name", "x"), 1024 * 1024 + 1024);
        return Stream.of(
                dynamicTest("with Content-Length", () -> Expect.problem(
                        Api.anonymous().post(Endpoint.CREATE_CUSTOMER.path(), oversized), 401, "UNAUTHORIZED")),
                dynamicTest("chunked", () -> Expect.problem(
                        RawHttp.chunked("POST", Endpoint.CREATE_CUSTOMER.path(), "Bearer not-a-jwt", oversized, "application/json"),
                        401, "UNAUTHORIZED")),
                dynamicTest("with a token, 1 MiB plus one byte", () -> Expect.problem(Api.admin().post(Endpoint.CREATE_CUSTOMER.path(),
                        Bodies.paddedTo(Bodies.map("name", "x"), 1024 * 1024 - 11)), 413, "PAYLOAD_TOO_LARGE")),
                dynamicTest("with a token, exactly 1 MiB is read", () -> Expect.created(Api.admin().post(Endpoint.CREATE_CUSTOMER.path(),
                        Bodies.paddedTo(Bodies.map("name", "x"), 1024 * 1024 - 12)))));
    }

    // --- 10. overlong UTF-8, TRACE, /WEB-INF, unknown methods -------------------------------------

    @Test
    void anOverlongUtf8SlashInABodyIsRefusedNotDecoded() {
        String id = Api.uniqueId("ovl");
        byte[] body = concat(("{\"id\":\"" + id + "\",\"name\":\"a").getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xC0, (byte) 0xAF}, "b\"}".getBytes(StandardCharsets.US_ASCII));
        Expect.validation(sendBytes("POST", Endpoint.CREATE_CUSTOMER.path(), body), "body");
        Expect.problem(Api.admin().get(Endpoint.READ_CUSTOMER.path(id)), 404, "NOT_FOUND");
    }

    @TestFactory
    Stream<DynamicTest> malformedUtf8InABodyIs400() {
        return Stream.of("eda080", "e080af", "f4908080", "ff", "80", "c3").map(hex -> dynamicTest(hex, () -> Expect.validation(
                sendBytes("POST", Endpoint.CREATE_CUSTOMER.path(), concat("{\"name\":\"a".getBytes(StandardCharsets.US_ASCII),
                        java.util.HexFormat.of().parseHex(hex), "\"}".getBytes(StandardCharsets.US_ASCII))), "body")));
    }

    @Test
    void anOverlongUtf8SlashInThePathIsRefused() {
        Expect.problem(Api.admin().get(Endpoint.READ_CUSTOMER.path("x%C0%AF..%C0%AFx")), 400, "VALIDATION_FAILED");
        Expect.problem(Api.admin().get(Endpoint.READ_CUSTOMER.path("%C0%AE%C0%AE")), 400, "VALIDATION_FAILED");
    }

    @TestFactory
    Stream<DynamicTest> traceUnknownMethodsAndPrivatePathsAnswerProblemJson() {
        return Stream.of(
                dynamicTest("TRACE on the API", () -> Expect.problem(
                        Api.admin().send("TRACE", Endpoint.CREATE_CUSTOMER.path(), null, null), 405, "METHOD_NOT_ALLOWED")),
                dynamicTest("TRACE on the root", () -> Expect.problem(
                        Api.anonymous().send("TRACE", "/", null, null), 405, "METHOD_NOT_ALLOWED")),
                dynamicTest("an invented method on the root", () -> Expect.problem(
                        Api.anonymous().send("PROPFIND", "/", null, null), 405, "METHOD_NOT_ALLOWED")),
                dynamicTest("an invented method on the API", () -> Expect.problem(
                        Api.admin().send("BREW", Endpoint.TRIAL_BALANCE.path(), null, null), 405, "METHOD_NOT_ALLOWED")),
                dynamicTest("/WEB-INF/web.xml", () -> Expect.problem(Api.anonymous().get("/WEB-INF/web.xml"), 404, "NOT_FOUND")),
                dynamicTest("/web-inf/web.xml", () -> Expect.problem(Api.anonymous().get("/web-inf/web.xml"), 404, "NOT_FOUND")),
                dynamicTest("/WEB-INF/jboss-web.xml as admin", () -> Expect.problem(Api.admin().get("/WEB-INF/jboss-web.xml"), 404, "NOT_FOUND")),
                dynamicTest("/META-INF/MANIFEST.MF", () -> Expect.problem(Api.anonymous().get("/META-INF/MANIFEST.MF"), 404, "NOT_FOUND")));
    }

    // --- 10. beacon pages on local hosts ---------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> beaconPagesNamingLocalHostsAre400() {
        return Stream.of("localhost", "127.0.0.1", "10.1.2.3", "192.168.0.10", "172.20.0.1", "169.254.169.254", "[::1]",
                        "[fe80::1]", "[fd00::1]", "2130706433")
                .flatMap(host -> Stream.of(
                        dynamicTest("register with page on " + host, () -> Expect.validation(Beacons.post(Bodies.with(
                                Beacons.body(Beacons.newId()), "page", Beacons.page("https://" + host + "/offer", "Offer"))), "page.url")),
                        dynamicTest("register with icon on " + host, () -> Expect.validation(Beacons.post(Bodies.with(
                                Beacons.body(Beacons.newId()), "page", Bodies.with(Beacons.page("https://shop.example/offer", "Offer"),
                                        "iconUrl", "https://" + host + "/i.png"))), "page.iconUrl")),
                        dynamicTest("replace page with " + host, () -> Expect.validation(Api.admin().put(
                                Endpoint.REPLACE_BEACON_PAGE.path(Beacons.register()),
                                Bodies.json(Beacons.page("https://" + host + ":8443/x", "Offer"))), "url"))));
    }

    private static Answer sendBytes(String method, String path, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Api.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + Api.tokens().mint("it-admin", "admin", 600))
                .header("Content-Type", "application/json")
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
