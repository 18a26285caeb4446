package dev.tillpoint.payments;

/**
 * What a customer asks for: an authorization of the account with this card number, for one device.
 *
 * @param secureCode the payment PIN
 * @param perTransactionLimitMinor null for the bank's cap, like the other optional limits
 */
public record NewOfflineAuthorization(String accountNumber, String secureCode, String deviceId,
                                      Long perTransactionLimitMinor, Long totalLimitMinor, Long validitySeconds) {

    public static final String ACCOUNT_NUMBER = "accountNumber";
    public static final String SECURE_CODE = "secureCode";

    /** Never prints the card number or the PIN. */
    @Override
    public String toString() {
        return "NewOfflineAuthorization[deviceId=" + deviceId + ", perTransactionLimit=" + perTransactionLimitMinor
                + ", totalLimit=" + totalLimitMinor + ", validitySeconds=" + validitySeconds
                + ", accountNumber=<hidden>, secureCode=<hidden>]";
    }
}
