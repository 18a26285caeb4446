package dev.tillpoint.api.admin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.ledger.CurrencyTotals;

/** One currency's ledger totals, in minor units. */
@Schema(name = "CurrencyTotals")
public record CurrencyTotalsResponse(
        String currency,
        @Schema(description = "Minor units") long debits,
        @Schema(description = "Minor units") long credits) {

    static CurrencyTotalsResponse from(CurrencyTotals totals) {
        return new CurrencyTotalsResponse(totals.currency(), totals.debitsMinor(), totals.creditsMinor());
    }
}
