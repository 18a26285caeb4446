package dev.tillpoint.merchants;

public record MerchantView(String id, String name, String currency) {
}
