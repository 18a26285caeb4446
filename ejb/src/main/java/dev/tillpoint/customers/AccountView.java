package dev.tillpoint.customers;

/** A card account as shown to admins and its customer: the card number only masked. */
public record AccountView(String id, String customerId, String accountNumberMasked, String currency,
                          long balanceMinor) {
}
