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
    void refusesLoopbackPrivateAndLinkLocalHostsInPageAndIcon() {
        for (String host : List.of("localhost", "LOCALHOST.", "api.localhost", "127.0.0.1", "127.1.2.3", "10.0.0.1",
                "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                "[::1]", "[::]", "[fe80::1]", "[fc00::1]", "[fd12:3456::1]", "[::ffff:127.0.0.1]", "[::ffff:10.0.0.1]",
                "2130706433", "0x7f.1", "0177.0.0.1", "127.1")) {
            String url = "https://" + host + "/offer";
            Result.Failure<?> page = assertInstanceOf(Result.Failure.class,
                    BeaconPage.parse("page", new BeaconPage(url, "Offer", null, null)), url);
            assertEquals("page.url", page.errors().get(0).field(), url);
            Result.Failure<?> icon = assertInstanceOf(Result.Failure.class,
                    BeaconPage.parse("", new BeaconPage("https://ok.example/", "Offer", null, url)), url);
            assertEquals("iconUrl", icon.errors().get(0).field(), url);
        }
    }

    @Test
    void acceptsPublicHostsByNameOrAddress() {
        for (String host : List.of("shop.example", "8.8.8.8", "172.32.0.1", "192.169.0.1", "[2001:db8::1]",
                "localhost.shop.example", "10.example")) {
            String url = "https://" + host + "/offer";
            assertInstanceOf(Result.Ok.class, BeaconPage.parse("page", new BeaconPage(url, "Offer", null, url)), url);
        }
    }

    @Test
    void requiresATitle() {
        Result.Failure<?> failure = assertInstanceOf(Result.Failure.class,
                BeaconPage.parse("page", new BeaconPage("https://ok.example/", " ", null, null)));
        assertEquals("page.title", failure.errors().get(0).field());
    }
}
