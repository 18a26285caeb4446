package dev.tillpoint.merchants;

/** A CDI event fired in the transaction that deactivates a terminal: caches of terminals forget it at commit. */
public record TerminalDeactivated(String terminalId) {
}
