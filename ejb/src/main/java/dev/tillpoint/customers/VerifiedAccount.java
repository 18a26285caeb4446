package dev.tillpoint.customers;

/**
 * A customer's own account whose PIN was just checked right: what an offline authorization needs.
 *
 * @param accountNumberMasked the card number with all but the last four digits hidden
 */
public record VerifiedAccount(String id, String customerId, String currency, String accountNumberMasked) {
}
