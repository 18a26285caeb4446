package dev.tillpoint.api.admin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.merchants.MerchantView;

/** A registered merchant. */
@Schema(name = "Merchant")
public record MerchantResponse(String id, String name, String currency) {

    static MerchantResponse from(MerchantView view) {
        return new MerchantResponse(view.id(), view.name(), view.currency());
    }
}
