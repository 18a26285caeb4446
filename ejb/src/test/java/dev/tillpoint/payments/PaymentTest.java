package dev.tillpoint.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Payment payment() {
        return new Payment("pay_1", new ApprovedPayment("t1", "m1", "alice", "acc_1", "oau_1", "clr_1", "EUR", 1_000,
                5, "ABC234", "o-1", "tea", "key-1"), NOW);
    }

    @Test
    void refundsNeverExceedTheAmount() {
        Payment payment = payment();
        payment.refund(600);
        assertThrows(IllegalStateException.class, () -> payment.refund(401));
        payment.refund(400);
        assertEquals(0, payment.refundableMinor());
    }

    @Test
    void aReversalIsFinalAndOnlyOfAnUnrefundedPayment() {
        Payment refunded = payment();
        refunded.refund(1);
        assertThrows(IllegalStateException.class, () -> refunded.reverse("rvs_1", NOW));

        Payment payment = payment();
        payment.reverse("rvs_1", NOW);
        assertEquals(PaymentStatus.REVERSED, payment.view().status());
        assertThrows(IllegalStateException.class, () -> payment.reverse("rvs_2", NOW));
        assertThrows(IllegalStateException.class, () -> payment.refund(1));
    }

    @Test
    void theOriginalApprovalIsWhatWasFirstAnswered() {
        Payment payment = payment();
        payment.refund(300);
        assertEquals(300, payment.view().refundedMinor());
        assertEquals(0, payment.originalApproval().refundedMinor());
        assertEquals(PaymentStatus.APPROVED, payment.originalApproval().status());
    }
}
