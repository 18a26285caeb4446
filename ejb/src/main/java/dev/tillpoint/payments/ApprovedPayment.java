package dev.tillpoint.payments;

/** Everything a payment records from its approval, gathered before it is written. */
record ApprovedPayment(String terminalId, String merchantId, String customerId, String accountId,
                       String authorizationId, String clearingAccountId, String currency, long amountMinor,
                       long codeStep, String approvalCode, String orderId, String orderDescription,
                       String idempotencyKey) {
}
