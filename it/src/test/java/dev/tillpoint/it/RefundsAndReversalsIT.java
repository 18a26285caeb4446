package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** DESIGN.md "Offline payments": reversals, refunds and reading a payment back, only within the merchant. */
class RefundsAndReversalsIT extends DeployedEar {

    @Test
    void aReversalGivesTheMoneyAndTheLimitBackAndIsIdempotent() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String id = pos.approved(payer, 3_000).get("id").asText();
        assertEquals(197_000, payer.authorizationNow().path("remainingLimit").asLong());

        JsonNode reversed = Expect.ok(pos.reverse(id));
        assertEquals("REVERSED", reversed.path("status").asText(), reversed::toString);
        assertEquals(10_000, payer.balance());
        assertEquals(200_000, payer.authorizationNow().path("remainingLimit").asLong());
        assertEquals(reversed, Expect.ok(pos.reverse(id)));
        assertEquals(10_000, payer.balance());
        assertEquals("REVERSED", Expect.ok(pos.get(id)).path("status").asText());
        assertTrue(Bank.trialBalance().path("balanced").asBoolean());
    }

    @Test
    void aRefundedPaymentCannotBeReversed() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String id = pos.approved(payer, 3_000).get("id").asText();
        Expect.created(pos.refund(id, Api.uniqueId("key"), 1));
        Expect.problem(pos.reverse(id), 409, "PAYMENT_REFUNDED");
        assertEquals(7_001, payer.balance());
    }

    @Test
    void refundsArePartialCappedAtThePaymentAndDoNotRestoreTheLimit() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String id = pos.approved(payer, 1_000).get("id").asText();
        JsonNode refund = Expect.created(pos.refund(id, Api.uniqueId("key"), 400));
        assertEquals(id, refund.path("paymentId").asText(), refund::toString);
        assertEquals(400, refund.path("amount").asLong());
        assertEquals("REFUNDED", refund.path("status").asText());
        assertTrue(refund.has("id") && refund.has("createdAt"), refund::toString);
        Expect.problem(pos.refund(id, Api.uniqueId("key"), 601), 422, "REFUND_EXCEEDS_PAYMENT");
        Expect.created(pos.sibling().refund(id, Api.uniqueId("key"), 600));
        Expect.problem(pos.refund(id, Api.uniqueId("key"), 1), 422, "REFUND_EXCEEDS_PAYMENT");
        assertEquals(1_000, Expect.ok(pos.get(id)).path("refundedAmount").asLong());
        assertEquals(10_000, payer.balance());
        assertEquals(199_000, payer.authorizationNow().path("remainingLimit").asLong());
        assertTrue(Bank.trialBalance().path("balanced").asBoolean());
    }

    @Test
    void aRefundIsIdempotentByKey() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String id = pos.approved(payer, 1_000).get("id").asText();
        String key = Api.uniqueId("key");
        JsonNode first = Expect.created(pos.refund(id, key, 300));
        assertEquals(first, Expect.created(pos.refund(id, key, 300)));
        Expect.problem(pos.refund(id, key, 301), 409, "IDEMPOTENCY_CONFLICT");
        assertEquals(300, Expect.ok(pos.get(id)).path("refundedAmount").asLong());
        assertEquals(9_300, payer.balance());
    }

    @Test
    void aReversedPaymentCannotBeRefunded() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String id = pos.approved(payer, 1_000).get("id").asText();
        Expect.ok(pos.reverse(id));
        Expect.problem(pos.refund(id, Api.uniqueId("key"), 100), 409, "PAYMENT_REVERSED");
        assertEquals(10_000, payer.balance());
    }

    @Test
    void onlyTheMerchantsTerminalsSeeRefundOrReverseItsPayments() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        Pos stranger = Pos.newMerchant();
        String id = pos.approved(payer, 1_000).get("id").asText();
        Expect.problem(stranger.get(id), 404, "NOT_FOUND");
        Expect.problem(stranger.reverse(id), 404, "NOT_FOUND");
        Expect.problem(stranger.refund(id, Api.uniqueId("key"), 100), 404, "NOT_FOUND");
        Expect.problem(pos.get(Api.uniqueId("absent")), 404, "NOT_FOUND");
        assertEquals(id, Expect.ok(pos.sibling().get(id)).path("id").asText());
        assertEquals(9_000, payer.balance());
        assertEquals("APPROVED", Expect.ok(pos.get(id)).path("status").asText());
    }

    @Test
    void aReversalByKeyUndoesThePaymentMadeWithIt() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String key = Api.uniqueId("key");
        JsonNode paid = Expect.created(pos.pay(key, Pos.paymentBody(payer.customerId, payer.code(), 2_500, "EUR")));
        JsonNode reversal = Expect.ok(pos.reverseKey(key));
        assertEquals("REVERSED", reversal.path("status").asText(), reversal::toString);
        assertEquals(paid.get("id"), reversal.path("payment").path("id"), reversal::toString);
        assertEquals("REVERSED", reversal.path("payment").path("status").asText(), reversal::toString);
        assertEquals(reversal, Expect.ok(pos.reverseKey(key)));
        assertEquals(10_000, payer.balance());
        Expect.problem(pos.refund(paid.get("id").asText(), Api.uniqueId("key"), 1), 409, "PAYMENT_REVERSED");
    }

    @Test
    void aReversalByKeyOfADeclineOrAnotherTerminalsKeyMovesNothing() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String key = Api.uniqueId("key");
        Expect.problem(pos.pay(key, Pos.paymentBody(payer.customerId, payer.wrongCode(), 100, "EUR")), 402, "CODE_INVALID");
        JsonNode reversal = Expect.ok(pos.reverseKey(key));
        assertTrue(reversal.get("payment").isNull(), reversal::toString);

        String paidKey = Api.uniqueId("key");
        Expect.created(pos.pay(paidKey, Pos.paymentBody(payer.customerId, payer.code(), 100, "EUR")));
        assertTrue(Expect.ok(pos.sibling().reverseKey(paidKey)).get("payment").isNull());
        assertEquals(9_900, payer.balance());
    }
}
