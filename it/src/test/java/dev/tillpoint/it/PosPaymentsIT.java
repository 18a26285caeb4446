package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DESIGN.md "Offline payments", POS side: the second approval, every decline, idempotency, code lockouts. */
class PosPaymentsIT extends DeployedEar {

    @Test
    void anApprovalDebitsTheCustomerAndEchoesTheOrder() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        Map<String, Object> body = Bodies.with(Pos.paymentBody(payer.customerId, payer.code(), 1_250, "EUR"),
                "order", Bodies.map("id", "order-1", "description", "2 coffees"));
        JsonNode approved = Expect.created(pos.pay(Api.uniqueId("key"), body));
        assertEquals("APPROVED", approved.path("status").asText(), approved::toString);
        assertEquals(1_250, approved.path("amount").asLong());
        assertEquals("EUR", approved.path("currency").asText());
        assertEquals(pos.merchantId, approved.path("merchantId").asText());
        assertEquals(pos.terminalId, approved.path("terminalId").asText());
        assertEquals("order-1", approved.path("order").path("id").asText(), approved::toString);
        assertEquals("2 coffees", approved.path("order").path("description").asText(), approved::toString);
        assertEquals(0, approved.path("refundedAmount").asLong());
        assertFalse(approved.has("settlementId"), approved::toString);
        assertTrue(approved.path("approvalCode").asText().matches("[A-Z0-9]{6}"), approved::toString);
        assertTrue(approved.has("createdAt"), approved::toString);

        assertEquals(8_750, payer.balance());
        assertEquals(200_000 - 1_250, payer.authorizationNow().path("remainingLimit").asLong());
        JsonNode read = Expect.ok(pos.get(approved.get("id").asText()));
        assertEquals(approved.get("id"), read.get("id"));
        assertTrue(Bank.trialBalance().path("balanced").asBoolean());
    }

    @Test
    void aWrongCodeIsCodeInvalidAndMovesNoMoney() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        Expect.problem(pos.pay(payer, payer.wrongCode(), 100), 402, "CODE_INVALID");
        assertEquals(10_000, payer.balance());
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongCode() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        JsonNode known = Expect.problem(pos.pay(payer, payer.wrongCode(), 100), 402, "CODE_INVALID");
        JsonNode unknown = Expect.problem(pos.pay(Api.uniqueId("key"),
                Pos.paymentBody(Api.uniqueId("nobody"), payer.code(), 100, "EUR")), 402, "CODE_INVALID");
        assertEquals(known.path("detail"), unknown.path("detail"));
        assertEquals(known.path("title"), unknown.path("title"));
    }

    @Test
    void aUsedCodeIsCodeReused() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String code = payer.code();
        Expect.created(pos.pay(payer, code, 100));
        Expect.problem(pos.pay(payer, code, 100), 402, "CODE_REUSED");
        Expect.problem(pos.sibling().pay(payer, code, 100), 402, "CODE_REUSED");
        assertEquals(9_900, payer.balance());
    }

    @Test
    void aCodeOlderThanTheNewestUsedIsCodeReused() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        Expect.created(pos.pay(payer, payer.codeAt(1), 100));
        Expect.problem(pos.pay(payer, payer.codeAt(0), 100), 402, "CODE_REUSED");
        Expect.problem(pos.pay(payer, payer.codeAt(-1), 100), 402, "CODE_REUSED");
        Expect.created(pos.pay(payer, payer.codeAt(2), 100));
        assertEquals(9_800, payer.balance());
    }

    @Test
    void codesOutsideTheSkewWindowAreInvalid() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        Expect.problem(pos.pay(payer, payer.codeAt(4), 100), 402, "CODE_INVALID");
        Expect.problem(pos.pay(payer, payer.codeAt(-4), 100), 402, "CODE_INVALID");
        Expect.created(pos.pay(payer, payer.codeAt(-2), 100));
    }

    @Test
    void aDeclinedPaymentDoesNotUseUpItsCode() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String code = payer.code();
        Expect.problem(pos.pay(payer, code, 60_000), 402, "LIMIT_EXCEEDED");
        Expect.problem(pos.pay(payer, code, 20_000), 402, "INSUFFICIENT_FUNDS");
        Expect.created(pos.pay(payer, code, 2_000));
    }

    @Test
    void aRevokedAuthorizationIsAuthorizationRevoked() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        Expect.noContent(payer.api().delete(Endpoint.REVOKE_OFFLINE_AUTHORIZATION.path(payer.authorizationId())));
        // Revocation comes before currency and limits in DESIGN.md's order.
        Expect.problem(pos.pay(Api.uniqueId("key"), Pos.paymentBody(payer.customerId, payer.code(), 900_000, "USD")),
                402, "AUTHORIZATION_REVOKED");
        assertEquals(10_000, payer.balance());
    }

    @Test
    void aNewAuthorizationOfTheDeviceRevokesTheOldOnesCodes() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String oldCode = payer.code();
        payer.authorize(Bodies.map());
        Expect.problem(pos.pay(payer, oldCode, 100), 402, "AUTHORIZATION_REVOKED");
        Expect.created(pos.pay(payer, payer.code(), 100));
    }

    @Test
    void anExpiredAuthorizationIsAuthorizationExpired() throws InterruptedException {
        Payer payer = Payer.withBalance(10_000, "EUR");
        payer.authorize(Bodies.map("validitySeconds", 1));
        Thread.sleep(1_500);
        Pos pos = Pos.newMerchant();
        Expect.problem(pos.pay(Api.uniqueId("key"), Pos.paymentBody(payer.customerId, payer.code(), 900_000, "USD")),
                402, "AUTHORIZATION_EXPIRED");
        assertEquals("EXPIRED", payer.authorizationNow().path("status").asText());
    }

    @Test
    void anotherCurrencyThanTheAccountsOrTheMerchantsIsCurrencyMismatch() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        Expect.problem(pos.pay(Api.uniqueId("key"), Pos.paymentBody(payer.customerId, payer.code(), 900_000, "USD")),
                402, "CURRENCY_MISMATCH");

        Payer dollars = Payer.withBalance(10_000, "USD");
        dollars.authorize(Bodies.map());
        Expect.problem(pos.pay(Api.uniqueId("key"), Pos.paymentBody(dollars.customerId, dollars.code(), 100, "USD")),
                402, "CURRENCY_MISMATCH");
        assertEquals(10_000, payer.balance());
        assertEquals(10_000, dollars.balance());
    }

    @Test
    void overThePerTransactionOrTheRemainingLimitIsLimitExceeded() {
        Payer payer = Payer.withBalance(10_000, "EUR");
        payer.authorize(Bodies.map("perTransactionLimit", 1_000, "totalLimit", 1_500));
        Pos pos = Pos.newMerchant();
        Expect.problem(pos.pay(payer, payer.codeAt(0), 1_001), 402, "LIMIT_EXCEEDED");
        Expect.created(pos.pay(payer, payer.codeAt(0), 1_000));
        Expect.problem(pos.pay(payer, payer.codeAt(1), 501), 402, "LIMIT_EXCEEDED");
        Expect.created(pos.pay(payer, payer.codeAt(1), 500));
        assertEquals(0, payer.authorizationNow().path("remainingLimit").asLong());
        assertEquals(8_500, payer.balance());
    }

    @Test
    void moreThanTheBalanceIsInsufficientFunds() {
        Payer payer = Payer.authorized(500);
        Pos pos = Pos.newMerchant();
        Expect.problem(pos.pay(payer, payer.code(), 501), 402, "INSUFFICIENT_FUNDS");
        Expect.created(pos.pay(payer, payer.code(), 500));
        assertEquals(0, payer.balance());
    }

    @Test
    void theSameKeyAndBodyGetTheStoredAnswerAndPayOnce() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String key = Api.uniqueId("key");
        Map<String, Object> body = Pos.paymentBody(payer.customerId, payer.code(), 700, "EUR");
        JsonNode first = Expect.created(pos.pay(key, body));
        Map<String, Object> reordered = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(body.keySet());
        java.util.Collections.reverse(names);
        names.forEach(name -> reordered.put(name, body.get(name)));
        JsonNode again = Expect.created(pos.pay(key, reordered));
        assertEquals(first, again);
        assertEquals(9_300, payer.balance());

        Expect.ok(pos.reverse(first.get("id").asText()));
        assertEquals(first, Expect.created(pos.pay(key, body)), "the stored answer, not the payment as it is now");
    }

    @Test
    void aStoredDeclineIsAnsweredAgain() {
        Payer payer = Payer.authorized(100);
        Pos pos = Pos.newMerchant();
        String key = Api.uniqueId("key");
        Map<String, Object> body = Pos.paymentBody(payer.customerId, payer.code(), 200, "EUR");
        JsonNode first = Expect.problem(pos.pay(key, body), 402, "INSUFFICIENT_FUNDS");
        JsonNode again = Expect.problem(pos.pay(key, body), 402, "INSUFFICIENT_FUNDS");
        assertEquals(first, again);
    }

    @Test
    void theSameKeyWithAnotherBodyIsIdempotencyConflict() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String key = Api.uniqueId("key");
        String code = payer.code();
        Expect.created(pos.pay(key, Pos.paymentBody(payer.customerId, code, 700, "EUR")));
        Expect.problem(pos.pay(key, Pos.paymentBody(payer.customerId, code, 701, "EUR")), 409, "IDEMPOTENCY_CONFLICT");
        Expect.problem(pos.pay(key, Bodies.with(Pos.paymentBody(payer.customerId, code, 700, "EUR"), "order",
                Bodies.map("id", "x"))), 409, "IDEMPOTENCY_CONFLICT");
        assertEquals(9_300, payer.balance());
    }

    @Test
    void keysAreScopedToTheTerminal() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String key = Api.uniqueId("key");
        JsonNode first = Expect.created(pos.pay(key, Pos.paymentBody(payer.customerId, payer.codeAt(0), 100, "EUR")));
        JsonNode second = Expect.created(pos.sibling().pay(key, Pos.paymentBody(payer.customerId, payer.codeAt(1), 100, "EUR")));
        assertNotEquals(first.get("id"), second.get("id"));
    }

    @Test
    void badRequestsAreNotStoredUnderTheirKey() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String key = Api.uniqueId("key");
        Expect.validation(pos.pay(key, Pos.paymentBody(payer.customerId, "1234", 100, "EUR")), "securityCode");
        Expect.validation(pos.pay(key, Pos.paymentBody(payer.customerId, payer.code(), 0, "EUR")), "amount");
        Expect.created(pos.pay(key, Pos.paymentBody(payer.customerId, payer.code(), 100, "EUR")));
    }

    @Test
    void theIdempotencyKeyHeaderIsRequiredAndAtMost64Characters() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String body = Bodies.json(Pos.paymentBody(payer.customerId, payer.code(), 100, "EUR"));
        Expect.validation(pos.api().post(Endpoint.POS_PAY.path(), body), "Idempotency-Key");
        Expect.validation(pos.api().header("Idempotency-Key", "k".repeat(65)).post(Endpoint.POS_PAY.path(), body), "Idempotency-Key");
        Expect.created(pos.api().header("Idempotency-Key", "k".repeat(64)).post(Endpoint.POS_PAY.path(), body));
        assertEquals(9_900, payer.balance());
    }

    @Test
    void fiveWrongCodesFromOneTerminalLockThatPairOnly() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        for (int i = 0; i < 5; i++) {
            Expect.problem(pos.pay(payer, payer.wrongCode(), 100), 402, "CODE_INVALID");
        }
        Expect.problem(pos.pay(payer, payer.code(), 100), 423, "LOCKED");
        Expect.problem(pos.pay(payer, payer.wrongCode(), 100), 423, "LOCKED");
        Expect.created(pos.sibling().pay(payer, payer.code(), 100));
        assertEquals(9_900, payer.balance());
    }

    @Test
    void wrongCodesFromManyTerminalsLockNoTerminalButTheirOwnPairs() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        List<Pos> tills = new ArrayList<>();
        for (int terminal = 0; terminal < 5; terminal++) {
            Pos till = pos.sibling();
            tills.add(till);
            for (int i = 0; i < 5; i++) {
                Expect.problem(till.pay(payer, payer.wrongCode(), 100), 402, "CODE_INVALID");
            }
            Expect.problem(till.pay(payer, payer.code(), 10), 423, "LOCKED");
        }
        // 25 wrong codes from five terminals of one merchant: the customer still pays everywhere else.
        Expect.created(pos.pay(payer, payer.codeAt(-1), 10));
        Expect.created(Pos.newMerchant().pay(payer, payer.codeAt(0), 10));
        assertEquals(10_000 - 20, payer.balance());
    }

    @Test
    void fiftyWrongCodesFromOneTerminalLockItForEveryUser() {
        Pos pos = Pos.newMerchant();
        Payer someone = Payer.authorized(10_000);
        for (int i = 0; i < 50; i++) {
            // Fifty strangers, none of them five times: no pair locks, only the terminal's own count.
            Expect.problem(pos.pay(Api.uniqueId("key"), Pos.paymentBody("stranger-" + i + "-" + Api.uniqueId("u"),
                    someone.wrongCode(), 100, "EUR")), 402, "CODE_INVALID");
        }
        Expect.problem(pos.pay(someone, someone.code(), 100), 423, "LOCKED");
        Expect.created(pos.sibling().pay(someone, someone.code(), 100));
    }

    @Test
    void anAdminsCodeUnlockLiftsTheCustomersLocksAndStartsTheCountAfresh() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        for (int i = 0; i < 5; i++) {
            Expect.problem(pos.pay(payer, payer.wrongCode(), 100), 402, "CODE_INVALID");
        }
        Expect.problem(pos.pay(payer, payer.code(), 100), 423, "LOCKED");
        JsonNode unlocked = Expect.ok(Api.admin().post("/api/v1/admin/customers/" + payer.customerId + "/code-unlock", ""));
        assertEquals(payer.customerId, unlocked.path("id").asText(), unlocked::toString);
        Expect.problem(pos.pay(payer, payer.wrongCode(), 100), 402, "CODE_INVALID");
        Expect.created(pos.pay(payer, payer.code(), 100));
        Expect.problem(Api.admin().post("/api/v1/admin/customers/" + Api.uniqueId("nobody") + "/code-unlock", ""),
                404, "NOT_FOUND");
    }

    @Test
    void aCodeStepCollectsAtMostThreeDeclinesThenItIsUsedUp() {
        Payer payer = Payer.withBalance(1_000, "EUR");
        payer.authorize(Bodies.map("perTransactionLimit", 5_000, "totalLimit", 5_000));
        Pos pos = Pos.newMerchant();
        String code = payer.codeAt(0);
        String replayedKey = Api.uniqueId("key");
        Map<String, Object> overTheLimit = Pos.paymentBody(payer.customerId, code, 6_000, "EUR");
        Expect.problem(pos.pay(replayedKey, overTheLimit), 402, "LIMIT_EXCEEDED");
        Expect.problem(pos.pay(payer, code, 2_000), 402, "INSUFFICIENT_FUNDS");
        Expect.problem(pos.pay(Api.uniqueId("key"), Pos.paymentBody(payer.customerId, code, 100, "USD")), 402,
                "CURRENCY_MISMATCH");
        // The step is used up: a payment the account could afford is refused like a reused code.
        Expect.problem(pos.pay(payer, code, 100), 402, "CODE_REUSED");
        // A replay of a stored answer is neither counted nor refused.
        Expect.problem(pos.pay(replayedKey, overTheLimit), 402, "LIMIT_EXCEEDED");
        // An exhausted step did not move the newest-used mark: the code of the step before still pays.
        Expect.created(pos.pay(payer, payer.codeAt(-1), 100));
        assertEquals(900, payer.balance());
    }

    @Test
    void aPaymentWithAReversedKeyIsPaymentReversed() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String key = Api.uniqueId("key");
        JsonNode reversal = Expect.ok(pos.reverseKey(key));
        assertEquals("REVERSED", reversal.path("status").asText(), reversal::toString);
        assertTrue(reversal.has("payment") && reversal.get("payment").isNull(), reversal::toString);
        Expect.problem(pos.pay(key, Pos.paymentBody(payer.customerId, payer.code(), 100, "EUR")), 409, "PAYMENT_REVERSED");
        assertEquals(10_000, payer.balance());
        Expect.ok(pos.reverseKey(key));
    }
}
