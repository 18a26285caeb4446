package dev.tillpoint.merchants;

public record TerminalView(String id, String merchantId, boolean active) {
}
