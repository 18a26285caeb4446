package dev.tillpoint.customers;

/**
 * Opens a card account for a customer.
 *
 * @param accountNumber the card number (PAN); never logged, stored only encrypted and hashed
 * @param pin           six digits; stored only as a slow salted hash
 */
public record NewAccount(String customerId, String accountNumber, String currency,
                         long openingBalanceMinor, String pin) {

    /** Masks the card number and hides the PIN, so that logging a command leaks neither. */
    @Override
    public String toString() {
        return "NewAccount[customerId=" + customerId + ", currency=" + currency
                + ", openingBalanceMinor=" + openingBalanceMinor + "]";
    }
}
