package dev.tillpoint.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.beacons.BeaconPage;
import dev.tillpoint.shared.FreeText;

/**
 * The web page bound to a beacon, as the admin sets it and the phone is answered with. Whether the
 * URLs are https is the service's rule (400 naming the field).
 */
@Schema(name = "BeaconPage")
public record BeaconPageBody(
        @Schema(required = true, description = "https only", maxLength = 2048, examples = "https://shop.example/offer")
        @NotNull
        @Size(max = 2048)
        String url,

        @Schema(required = true, maxLength = 200, examples = "Today's offer")
        @NotBlank
        @Size(max = 200)
        String title,

        @Schema(maxLength = 2000)
        @Size(max = 2000)
        @FreeText
        String description,

        @Schema(description = "https only", maxLength = 2048, examples = "https://shop.example/icon.png")
        @Size(max = 2048)
        String iconUrl) {

    public BeaconPage toPage() {
        return new BeaconPage(url, title, description, iconUrl);
    }

    public static BeaconPageBody from(BeaconPage page) {
        return new BeaconPageBody(page.url(), page.title(), page.description(), page.iconUrl());
    }
}
