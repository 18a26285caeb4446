package dev.tillpoint.customers;

public record CustomerView(String id, String name) {
}
