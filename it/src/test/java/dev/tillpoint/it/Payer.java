package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import dev.tillpoint.payments.codes.Base32;
import dev.tillpoint.payments.codes.Totp;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A customer with a card account and a phone, as the offline-payment tests need them: the phone
 * authorizes through the API and then derives its one-time codes offline from the secret it got,
 * as the real app does (RFC 6238 from the secret alone).
 */
final class Payer {

    /** Every code secret (Base32) and security code the tests handled, for the log search that runs last. */
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final Set<String> CODES = ConcurrentHashMap.newKeySet();

    final String customerId;
    final String accountId;
    final String card;
    final String pin;
    final String deviceId;
    private String authorizationId;
    private byte[] secret;

    private Payer(String customerId, String accountId, String card, String pin, String deviceId) {
        this.customerId = customerId;
        this.accountId = accountId;
        this.card = card;
        this.pin = pin;
        this.deviceId = deviceId;
    }

    /** A new customer with an account in {@code currency} holding {@code balance}, not yet authorized. */
    static Payer withBalance(long balance, String currency) {
        String customer = Bank.customer();
        String card = Cards.luhnValid(16);
        JsonNode account = Bank.account(customer, card, currency, balance, Bank.PIN);
        return new Payer(customer, account.get("id").asText(), card, Bank.PIN, Api.uniqueId("phone"));
    }

    /** A new EUR customer holding {@code balance}, authorized with the bank's caps. */
    static Payer authorized(long balance) {
        Payer payer = withBalance(balance, "EUR");
        payer.authorize(Bodies.map());
        return payer;
    }

    /** The same customer and account on another phone, not yet authorized. */
    Payer onAnotherDevice() {
        return new Payer(customerId, accountId, card, pin, Api.uniqueId("phone"));
    }

    Api api() {
        return Api.as(customerId, "customer");
    }

    Map<String, Object> authorizationBody(Map<String, Object> extra) {
        Map<String, Object> body = Bodies.map("accountNumber", card, "secureCode", pin, "deviceId", deviceId);
        body.putAll(extra);
        return body;
    }

    Answer postAuthorization(Map<String, Object> body) {
        return api().post(Endpoint.CREATE_OFFLINE_AUTHORIZATION.path(), Bodies.json(body));
    }

    /** Authorizes this phone with the extra fields (limits); keeps the secret for codes. */
    JsonNode authorize(Map<String, Object> extra) {
        JsonNode created = Expect.created(postAuthorization(authorizationBody(extra)));
        JsonNode code = created.path("code");
        assertEquals("TOTP", code.path("algorithm").asText(), created::toString);
        assertEquals("HmacSHA256", code.path("hash").asText(), created::toString);
        assertEquals(8, code.path("digits").asInt(), created::toString);
        assertEquals(30, code.path("periodSeconds").asInt(), created::toString);
        assertTrue(code.path("secret").asText().matches("[A-Z2-7]{32,}"), created::toString);
        authorizationId = created.get("id").asText();
        secret = Base32.decode(code.get("secret").asText());
        SECRETS.add(code.get("secret").asText());
        return created;
    }

    String authorizationId() {
        return authorizationId;
    }

    /** The code of the current time step. */
    String code() {
        return codeAt(0);
    }

    /** The code {@code steps} time steps from now (negative: earlier). */
    String codeAt(int steps) {
        awayFromAStepBoundary();
        String code = Totp.code(secret, Totp.stepAt(Instant.now()) + steps);
        CODES.add(code);
        return code;
    }

    /** The code of time step {@code step} (absolute, as {@link Totp#stepAt} counts). */
    String codeOfStep(long step) {
        String code = Totp.code(secret, step);
        CODES.add(code);
        return code;
    }

    /**
     * Waits for the next time step when this one ends within two seconds, so that a code made at
     * the edge of the skew window is still inside it when the server checks it.
     */
    private static void awayFromAStepBoundary() {
        long millisIntoStep = Instant.now().toEpochMilli() % (Totp.PERIOD_SECONDS * 1000L);
        long left = Totp.PERIOD_SECONDS * 1000L - millisIntoStep;
        if (left < 2_000) {
            try {
                Thread.sleep(left + 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** A well-formed code that is none of this phone's codes within a wide window. */
    String wrongCode() {
        long now = Totp.stepAt(Instant.now());
        for (int candidate = 10_000_000; ; candidate++) {
            String code = Integer.toString(candidate);
            boolean valid = false;
            for (long step = now - 5; step <= now + 5; step++) {
                valid |= Totp.code(secret, step).equals(code);
            }
            if (!valid) {
                CODES.add(code);
                return code;
            }
        }
    }

    static Set<String> issuedSecrets() {
        return Set.copyOf(SECRETS);
    }

    static Set<String> sentCodes() {
        return Set.copyOf(CODES);
    }

    long balance() {
        JsonNode accounts = Expect.ok(api().get(Endpoint.MY_ACCOUNTS.path()));
        return Bank.item(accounts, accountId).get("balance").asLong();
    }

    JsonNode authorizationNow() {
        JsonNode list = Expect.ok(api().get(Endpoint.MY_OFFLINE_AUTHORIZATIONS.path() + "?limit=200"));
        return Bank.item(list, authorizationId);
    }
}
