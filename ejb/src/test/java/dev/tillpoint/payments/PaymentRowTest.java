package dev.tillpoint.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentRowTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static PaymentRow approved() {
        return PaymentRow.approved("pay_1", new ApprovedPayment("t1", "m1", "alice", "acc_1", "oau_1", "clr_1", "EUR",
                1_000, 5, "ABC234", "o-1", "tea", "key-1"), NOW);
    }

    @Test
    void aNewApprovalIsWhollyRefundableUnsettledAndNotReversed() {
        PaymentRow payment = approved();
        assertEquals(1_000, payment.refundableMinor());
        assertFalse(payment.isSettled());
        assertFalse(payment.isReversed());
        assertTrue(payment.belongsTo("m1"));
        assertFalse(payment.belongsTo("m2"));
    }

    @Test
    void aReversedRowKeepsWhatWasApproved() {
        PaymentRow reversed = approved().reversed("rvs_1", NOW.plusSeconds(60));
        assertTrue(reversed.isReversed());
        assertEquals(PaymentStatus.REVERSED, reversed.view().status());
        assertEquals("rvs_1", reversed.reversalId());
        assertEquals(1_000, reversed.view().amountMinor());
    }

    @Test
    void theOriginalApprovalIsWhatWasFirstAnswered() {
        PaymentRow reversed = approved().reversed("rvs_1", NOW.plusSeconds(60));
        assertEquals(PaymentStatus.APPROVED, reversed.originalApproval().status());
        assertEquals(0, reversed.originalApproval().refundedMinor());
        assertEquals(NOW, reversed.originalApproval().createdAt());
    }
}
