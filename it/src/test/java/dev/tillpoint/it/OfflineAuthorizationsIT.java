package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** DESIGN.md "Offline payments", customer side: first approvals, their caps, PIN lockout, revocation. */
class OfflineAuthorizationsIT extends DeployedEar {

    private static final String WRONG_PIN = "135792";

    @Test
    void anAuthorizationIsCappedByPolicyAndShowsItsSecretOnlyOnce() {
        Payer payer = Payer.withBalance(10_000, "EUR");
        Instant before = Instant.now();
        JsonNode created = payer.authorize(Bodies.map("perTransactionLimit", 900_000, "totalLimit", 9_000_000,
                "validitySeconds", 999_999));
        assertEquals("ACTIVE", created.path("status").asText(), created::toString);
        assertEquals(50_000, created.path("perTransactionLimit").asLong(), created::toString);
        assertEquals(200_000, created.path("totalLimit").asLong(), created::toString);
        assertEquals(200_000, created.path("remainingLimit").asLong(), created::toString);
        assertEquals("EUR", created.path("currency").asText(), created::toString);
        assertEquals(payer.deviceId, created.path("deviceId").asText(), created::toString);
        assertEquals("*".repeat(12) + Cards.lastFour(payer.card), created.path("accountNumberMasked").asText());
        Instant expiresAt = Instant.parse(created.path("expiresAt").asText());
        assertTrue(!expiresAt.isBefore(before.plus(Duration.ofHours(24)).minusSeconds(5))
                && !expiresAt.isAfter(Instant.now().plus(Duration.ofHours(24))), created::toString);
        String secret = created.path("code").path("secret").asText();
        assertTrue(secret.length() >= 32, "at least 160 bits");

        Answer list = payer.api().get(Endpoint.MY_OFFLINE_AUTHORIZATIONS.path());
        JsonNode item = Bank.item(Expect.ok(list), payer.authorizationId());
        assertNotNull(item, list::toString);
        assertFalse(item.has("code"), item::toString);
        assertFalse(list.body().contains(secret), list::toString);
        assertFalse(list.body().contains(payer.card), list::toString);
    }

    @Test
    void requestedLimitsWithinTheCapsAreKeptAndThePerTransactionLimitNeverExceedsTheTotal() {
        Payer payer = Payer.withBalance(10_000, "EUR");
        JsonNode created = payer.authorize(Bodies.map("perTransactionLimit", 40_000, "totalLimit", 3_000, "validitySeconds", 60));
        assertEquals(3_000, created.path("perTransactionLimit").asLong(), created::toString);
        assertEquals(3_000, created.path("totalLimit").asLong(), created::toString);
        Instant expiresAt = Instant.parse(created.path("expiresAt").asText());
        assertTrue(expiresAt.isBefore(Instant.now().plusSeconds(65)), created::toString);
    }

    @Test
    void limitsOfZeroOrLessAre400NamingTheField() {
        Payer payer = Payer.withBalance(10_000, "EUR");
        for (String field : new String[] {"perTransactionLimit", "totalLimit", "validitySeconds"}) {
            Expect.validation(payer.postAuthorization(payer.authorizationBody(Bodies.map(field, 0))), field);
            Expect.validation(payer.postAuthorization(payer.authorizationBody(Bodies.map(field, -5))), field);
        }
        JsonNode list = Expect.ok(payer.api().get(Endpoint.MY_OFFLINE_AUTHORIZATIONS.path()));
        assertEquals(0, list.path("items").size(), list::toString);
    }

    @Test
    void anotherCustomersOrAnUnknownCardIs404AndCountsNoWrongPin() {
        Payer alice = Payer.withBalance(10_000, "EUR");
        Payer bob = Payer.withBalance(10_000, "EUR");
        Answer others = bob.api().post(Endpoint.CREATE_OFFLINE_AUTHORIZATION.path(), Bodies.json(alice.authorizationBody(Bodies.map())));
        Answer unknown = bob.api().post(Endpoint.CREATE_OFFLINE_AUTHORIZATION.path(), Bodies.json(Bodies.map(
                "accountNumber", Cards.luhnValid(16), "secureCode", Bank.PIN, "deviceId", "phone")));
        JsonNode first = Expect.problem(others, 404, "NOT_FOUND");
        JsonNode second = Expect.problem(unknown, 404, "NOT_FOUND");
        assertEquals(first.path("detail"), second.path("detail"), "the two 404s must not differ");
        for (int i = 0; i < 6; i++) {
            Expect.problem(bob.api().post(Endpoint.CREATE_OFFLINE_AUTHORIZATION.path(),
                    Bodies.json(Bodies.with(alice.authorizationBody(Bodies.map()), "secureCode", WRONG_PIN))), 404, "NOT_FOUND");
        }
        alice.authorize(Bodies.map());
    }

    @Test
    void fiveWrongPinsInARowLockTheAccountUntilAnAdminUnlocksIt() {
        Payer payer = Payer.withBalance(10_000, "EUR");
        for (int i = 0; i < 5; i++) {
            Expect.problem(payer.postAuthorization(Bodies.with(payer.authorizationBody(Bodies.map()), "secureCode", WRONG_PIN)),
                    403, "SECURE_CODE_INVALID");
        }
        Expect.problem(payer.postAuthorization(payer.authorizationBody(Bodies.map())), 423, "LOCKED");
        Expect.problem(payer.postAuthorization(Bodies.with(payer.authorizationBody(Bodies.map()), "secureCode", WRONG_PIN)),
                423, "LOCKED");
        JsonNode account = Expect.ok(Api.admin().get(Endpoint.READ_ACCOUNT.path(payer.accountId)));
        assertTrue(account.has("pinLockedUntil"), account::toString);

        Expect.ok(Bank.unlock(payer.accountId));
        payer.authorize(Bodies.map());
    }

    @Test
    void aRightPinResetsTheCountOfWrongOnes() {
        Payer payer = Payer.withBalance(10_000, "EUR");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                Expect.problem(payer.postAuthorization(Bodies.with(payer.authorizationBody(Bodies.map()), "secureCode", WRONG_PIN)),
                        403, "SECURE_CODE_INVALID");
            }
            payer.authorize(Bodies.map());
        }
    }

    @Test
    void aNewAuthorizationForTheSameDeviceRevokesTheEarlierOneButNotAnotherDevices() {
        Payer payer = Payer.withBalance(10_000, "EUR");
        String first = payer.authorize(Bodies.map()).get("id").asText();
        String otherDevice = Expect.created(payer.postAuthorization(Bodies.with(payer.authorizationBody(Bodies.map()),
                "deviceId", "tablet"))).get("id").asText();
        String second = payer.authorize(Bodies.map()).get("id").asText();
        JsonNode list = Expect.ok(payer.api().get(Endpoint.MY_OFFLINE_AUTHORIZATIONS.path()));
        assertEquals("REVOKED", Bank.item(list, first).path("status").asText(), list::toString);
        assertEquals("ACTIVE", Bank.item(list, otherDevice).path("status").asText(), list::toString);
        assertEquals("ACTIVE", Bank.item(list, second).path("status").asText(), list::toString);
        assertEquals(3, list.path("items").size(), list::toString);
    }

    @Test
    void deletingRevokesIdempotentlyAndOnlyTheCallersOwn() {
        Payer payer = Payer.authorized(10_000);
        Payer other = Payer.withBalance(10_000, "EUR");
        Expect.problem(other.api().delete(Endpoint.REVOKE_OFFLINE_AUTHORIZATION.path(payer.authorizationId())), 404, "NOT_FOUND");
        assertEquals("ACTIVE", payer.authorizationNow().path("status").asText());
        Expect.noContent(payer.api().delete(Endpoint.REVOKE_OFFLINE_AUTHORIZATION.path(payer.authorizationId())));
        Expect.noContent(payer.api().delete(Endpoint.REVOKE_OFFLINE_AUTHORIZATION.path(payer.authorizationId())));
        assertEquals("REVOKED", payer.authorizationNow().path("status").asText());
        Expect.problem(payer.api().delete(Endpoint.REVOKE_OFFLINE_AUTHORIZATION.path(Api.uniqueId("absent"))), 404, "NOT_FOUND");
    }
}
