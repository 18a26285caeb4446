package dev.tillpoint.beacons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tillpoint.shared.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only https pages and icons are bound to beacons. */
class BeaconPageTest {

    @Test
    void acceptsHttpsPages() {
        assertInstanceOf(Result.Ok.class, BeaconPage.parse("page",
                new BeaconPage("https://shop.example/offer?x=1", "Offer", null, "https://cdn.example/i.png")));
    }

    @Test
    void refusesEverythingElseNamingTheField() {
        for (String url : List.of("http://shop.example/", "ftp://shop.example/", "javascript:alert(1)", "//shop.example/",
                "https://", "https://user:pw@shop.example/", "shop.example", "https://exa mple.com/", "HTTPS://shop.example/")) {
            Result<BeaconPage> parsed = BeaconPage.parse("page", new BeaconPage(url, "Offer", null, null));
            Result.Failure<?> failure = assertInstanceOf(Result.Failure.class, parsed, url);
            assertEquals("page.url", failure.errors().get(0).field(), url);
            Result.Failure<?> icon = assertInstanceOf(Result.Failure.class,
                    BeaconPage.parse("", new BeaconPage("https://ok.example/", "Offer", null, url)), url);
            assertEquals("iconUrl", icon.errors().get(0).field(), url);
        }
    }

    @Test
    void requiresATitle() {
        Result.Failure<?> failure = assertInstanceOf(Result.Failure.class,
                BeaconPage.parse("page", new BeaconPage("https://ok.example/", " ", null, null)));
        assertEquals("page.title", failure.errors().get(0).field());
    }
}
