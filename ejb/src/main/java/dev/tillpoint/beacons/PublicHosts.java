package dev.tillpoint.beacons;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a URL's host may be bound to a beacon: not loopback, private, link-local or otherwise
 * local by its very name. A page URL is fetched by strangers' phones, and perhaps some day by a
 * preview service on the bank's side: {@code https://127.0.0.1/}, {@code https://10.0.0.1/},
 * {@code https://169.254.169.254/} (a cloud's metadata service) or {@code https://localhost/}
 * point into whatever network the fetcher sits in.
 *
 * <p>Only literal addresses and the {@code localhost} names are judged; a DNS name is never
 * resolved (no lookup on the request path, and an answer could change after the check anyway).
 * Numeric hosts that browsers read as IPv4 in other spellings ({@code 2130706433},
 * {@code 0x7f.1}, {@code 0177.0.0.1}) are refused outright, as no real page needs them.
 */
final class PublicHosts {

    /** Dotted decimal, four parts of 0..255 without leading zeros. */
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    /** Anything else made of digits, hex prefixes and dots: an IPv4 address in a browser's eyes. */
    private static final Pattern NUMERIC = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");

    private PublicHosts() {
    }

    /** @param host the URI's host as {@link java.net.URI#getHost()} gives it (IPv6 in brackets) */
    static boolean isPublic(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.equals("localhost") || name.endsWith(".localhost")) {
            return false;
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            return isPublicLiteral(name.substring(1, name.length() - 1));
        }
        if (DOTTED_QUAD.matcher(name).matches()) {
            return isPublicLiteral(name);
        }
        return !NUMERIC.matcher(name).matches();
    }

    /** An IP literal: {@code InetAddress.getByName} only parses it, it never looks up a literal. */
    private static boolean isPublicLiteral(String literal) {
        if (!literal.matches("[0-9a-f:.]+")) {
            // A zone id (fe80::1%eth0) or anything else that is no plain literal.
            return false;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(literal);
        } catch (UnknownHostException notALiteral) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 16 && isIpv4Mapped(bytes)) {
            byte[] v4 = new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
            return isPublicIpv4(v4);
        }
        if (bytes.length == 4) {
            return isPublicIpv4(bytes);
        }
        int first = bytes[0] & 0xFF;
        boolean uniqueLocal = (first & 0xFE) == 0xFC; // fc00::/7
        return !(address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocal);
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF;
    }

    private static boolean isPublicIpv4(byte[] v4) {
        int a = v4[0] & 0xFF;
        int b = v4[1] & 0xFF;
        return !(a == 0                                  // "this network"
                || a == 10                               // private
                || a == 127                              // loopback
                || (a == 100 && b >= 64 && b <= 127)     // carrier-grade NAT, shared address space
                || (a == 169 && b == 254)                // link-local (cloud metadata services)
                || (a == 172 && b >= 16 && b <= 31)      // private
                || (a == 192 && b == 168)                // private
                || a >= 224);                            // multicast and reserved
    }
}
