package dev.tillpoint.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.merchants.TerminalView;

/** A POS terminal as the admin, the merchant and the terminal itself see it. */
@Schema(name = "Terminal")
public record TerminalResponse(
        @Schema(examples = "till-01") String id,
        @Schema(examples = "corner-shop") String merchantId,
        @Schema(description = "false once an admin has deactivated it") boolean active) {

    public static TerminalResponse from(TerminalView view) {
        return new TerminalResponse(view.id(), view.merchantId(), view.active());
    }
}
