package dev.tillpoint.beacons;

import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.ValidationErrors;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The web page bound to a beacon, what a phone in range is answered with.
 *
 * @param url         https only
 * @param title       1..200 characters
 * @param description optional, at most 2 000 characters
 * @param iconUrl     optional, https only
 */
public record BeaconPage(String url, String title, String description, String iconUrl) {

    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_DESCRIPTION_LENGTH = 2000;

    /**
     * The page if every field is acceptable; else {@code VALIDATION_FAILED} naming each bad field
     * under {@code field} (e.g. {@code page.url}; an empty {@code field} names them bare).
     */
    public static Result<BeaconPage> parse(String field, BeaconPage page) {
        if (page == null) {
            return Result.invalid(field.isEmpty() ? "body" : field, "is required");
        }
        String prefix = field.isEmpty() ? "" : field + ".";
        ValidationErrors errors = new ValidationErrors();
        checkHttps(errors, prefix + "url", page.url(), true);
        errors.checkName(prefix + "title", page.title(), MAX_TITLE_LENGTH);
        if (page.description() != null && page.description().length() > MAX_DESCRIPTION_LENGTH) {
            errors.add(prefix + "description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        checkHttps(errors, prefix + "iconUrl", page.iconUrl(), false);
        return errors.isEmpty() ? Result.ok(page) : errors.toFailure();
    }

    /**
     * An absolute https URL with a public host ({@link PublicHosts}). Pages are pushed to strangers'
     * phones: Google's Nearby Notifications were shut down over spam, so nothing else is bound to a
     * beacon.
     */
    private static void checkHttps(ValidationErrors errors, String field, String url, boolean required) {
        if (url == null) {
            if (required) {
                errors.add(field, "is required");
            }
            return;
        }
        if (url.length() > MAX_URL_LENGTH) {
            errors.add(field, "must be at most " + MAX_URL_LENGTH + " characters");
            return;
        }
        try {
            URI uri = new URI(url);
            boolean https = uri.getScheme() != null && "https".equals(uri.getScheme().toLowerCase(Locale.ROOT))
                    && url.startsWith("https://");
            if (!https || uri.getHost() == null || uri.getHost().isBlank() || uri.getRawUserInfo() != null) {
                errors.add(field, "must be an absolute https URL with a host (no user info)");
            } else if (!PublicHosts.isPublic(uri.getHost())) {
                errors.add(field, "must name a public host, not a loopback, private or link-local one");
            }
        } catch (URISyntaxException e) {
            errors.add(field, "must be an absolute https URL with a host (no user info)");
        }
    }
}
