package dev.tillpoint.settlement;

import java.util.Objects;

/** What one batch settles: one merchant's activity in one currency. */
public record MerchantCurrency(String merchantId, String currency) {

    public MerchantCurrency {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(currency, "currency");
    }
}
