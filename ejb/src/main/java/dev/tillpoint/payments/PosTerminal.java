package dev.tillpoint.payments;

import java.util.Objects;

/**
 * The caller of a POS request, resolved once per request from the token's terminal id
 * ({@link PosTerminals}): the active terminal, its merchant, the merchant's currency and the
 * terminal's clearing ledger account. The services take this, never a terminal id to look up again.
 *
 * @param clearingAccountId null until the terminal's first payment opens it
 */
public record PosTerminal(String terminalId, String merchantId, String currency, String clearingAccountId) {

    public PosTerminal {
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(currency, "currency");
    }
}
