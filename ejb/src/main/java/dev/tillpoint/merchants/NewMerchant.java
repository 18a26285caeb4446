package dev.tillpoint.merchants;

/** Registers a merchant; {@code id} is optional (the server generates one when null). */
public record NewMerchant(String id, String name, String currency) {
}
