package dev.tillpoint.settlement;

/**
 * The figures of a batch: payments settled and their sum, refunds settled, and the net paid out,
 * which may be negative when refunds of earlier sales exceed the new sales.
 */
public record SettlementTotals(int paymentCount, long grossMinor, long refundsMinor) {

    public SettlementTotals {
        if (paymentCount < 0 || grossMinor < 0 || refundsMinor < 0) {
            throw new IllegalArgumentException("Settlement figures are never negative");
        }
        if (paymentCount == 0 && grossMinor != 0) {
            throw new IllegalArgumentException("A gross amount needs payments");
        }
        if (paymentCount > 0 && grossMinor < paymentCount) {
            throw new IllegalArgumentException("Every payment is of at least one minor unit");
        }
    }

    public static final SettlementTotals NONE = new SettlementTotals(0, 0, 0);

    public long netMinor() {
        return Math.subtractExact(grossMinor, refundsMinor);
    }

    public boolean isEmpty() {
        return paymentCount == 0 && refundsMinor == 0;
    }

    SettlementTotals withPayment(long amountMinor) {
        requirePositive(amountMinor);
        return new SettlementTotals(Math.addExact(paymentCount, 1), Math.addExact(grossMinor, amountMinor), refundsMinor);
    }

    SettlementTotals withRefund(long amountMinor) {
        requirePositive(amountMinor);
        return new SettlementTotals(paymentCount, grossMinor, Math.addExact(refundsMinor, amountMinor));
    }

    private static void requirePositive(long amountMinor) {
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("A settled amount is positive");
        }
    }
}
