package dev.tillpoint.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SettlementTotalsTest {

    @Test
    void netIsGrossLessRefundsAndMayBeNegative() {
        SettlementTotals totals = SettlementTotals.NONE.withPayment(1_000).withPayment(500).withRefund(300);
        assertEquals(2, totals.paymentCount());
        assertEquals(1_500, totals.grossMinor());
        assertEquals(300, totals.refundsMinor());
        assertEquals(1_200, totals.netMinor());
        assertEquals(-700, SettlementTotals.NONE.withRefund(700).netMinor(), "refunds of earlier sales alone");
    }

    @Test
    void nothingSettledIsEmptyAndARefundAloneIsNot() {
        assertTrue(SettlementTotals.NONE.isEmpty());
        assertFalse(SettlementTotals.NONE.withRefund(1).isEmpty());
        assertFalse(SettlementTotals.NONE.withPayment(1).isEmpty());
    }

    @Test
    void figuresThatCannotBeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SettlementTotals.NONE.withPayment(0));
        assertThrows(IllegalArgumentException.class, () -> SettlementTotals.NONE.withRefund(-5));
        assertThrows(IllegalArgumentException.class, () -> new SettlementTotals(0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new SettlementTotals(3, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new SettlementTotals(-1, 0, 0));
    }

    @Test
    void sumsThatOverflowFailInsteadOfWrapping() {
        SettlementTotals nearlyFull = new SettlementTotals(1, Long.MAX_VALUE, 0);
        assertThrows(ArithmeticException.class, () -> nearlyFull.withPayment(1));
    }
}
