package dev.tillpoint.customers;

/** Registers a customer; {@code id} is optional (the server generates one when null). */
public record NewCustomer(String id, String name) {
}
