package dev.tillpoint.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.util.Map;

/** A merchant's terminal taking offline payments, as the POS tests drive it. */
final class Pos {

    final String merchantId;
    final String terminalId;

    private Pos(String merchantId, String terminalId) {
        this.merchantId = merchantId;
        this.terminalId = terminalId;
    }

    /** A new EUR merchant with one terminal. */
    static Pos newMerchant() {
        String merchant = Bank.merchant();
        return new Pos(merchant, Bank.terminal(merchant));
    }

    /** Another terminal of the same merchant. */
    Pos sibling() {
        return new Pos(merchantId, Bank.terminal(merchantId));
    }

    Api api() {
        return Api.as(terminalId, "pos");
    }

    static Map<String, Object> paymentBody(String userId, String code, long amount, String currency) {
        return Bodies.map("userId", userId, "securityCode", code, "amount", amount, "currency", currency);
    }

    Answer pay(String key, Map<String, Object> body) {
        return api().header("Idempotency-Key", key).post(Endpoint.POS_PAY.path(), Bodies.json(body));
    }

    /** Pays with a fresh key. */
    Answer pay(Payer payer, String code, long amount) {
        return pay(Api.uniqueId("key"), paymentBody(payer.customerId, code, amount, "EUR"));
    }

    /** Pays {@code amount} EUR with the payer's current code; asserts the 201. */
    JsonNode approved(Payer payer, long amount) {
        return Expect.created(pay(payer, payer.code(), amount));
    }

    Answer get(String paymentId) {
        return api().get(Endpoint.POS_PAYMENT.path(paymentId));
    }

    Answer reverse(String paymentId) {
        return api().send("POST", Endpoint.POS_REVERSE_PAYMENT.path(paymentId), null, null);
    }

    Answer reverseKey(String key) {
        return api().post(Endpoint.POS_REVERSE_BY_KEY.path(), Bodies.json("idempotencyKey", key));
    }

    Answer refund(String paymentId, String key, long amount) {
        return api().header("Idempotency-Key", key).post(Endpoint.POS_REFUND.path(paymentId), Bodies.json("amount", amount));
    }
}
