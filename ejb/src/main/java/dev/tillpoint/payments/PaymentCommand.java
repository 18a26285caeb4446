package dev.tillpoint.payments;

/**
 * What a POS asks: pay {@code amountMinor} from the account of {@code userId} whose phone showed
 * {@code securityCode}.
 *
 * @param orderId          optional, as is its description
 */
public record PaymentCommand(String userId, String securityCode, long amountMinor, String currency, String orderId,
                             String orderDescription) {

    /** Never prints the security code. */
    @Override
    public String toString() {
        return "PaymentCommand[userId=" + userId + ", amountMinor=" + amountMinor + ", currency=" + currency
                + ", orderId=" + orderId + ", securityCode=<hidden>]";
    }
}
