package dev.tillpoint.devtools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints RS256 JWTs signed with the dev private key, the way the bank's identity provider would.
 * JDK only, so it also runs as a single source file:
 * <pre>java wildfly-config/src/main/java/dev/tillpoint/devtools/DevTokens.java alice customer</pre>
 * Arguments: subject, group, optional validity in seconds (default 3600), optional key file.
 */
public final class DevTokens {

    public static final String DEV_ISSUER = "tillpoint-dev";
    /** The audience the server requires by default (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "tillpoint";

    private final PrivateKey key;

    public DevTokens(PrivateKey key) {
        this.key = key;
    }

    public static DevTokens fromPem(Path privatePem) throws IOException, GeneralSecurityException {
        String pem = Files.readString(privatePem, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(pem);
        return new DevTokens(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
    }

    /** A token for {@code subject} in {@code group}, valid for {@code validitySeconds} from now. */
    public String mint(String subject, String group, long validitySeconds) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", DEV_ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(group));
        claims.put("iat", now);
        claims.put("exp", now + validitySeconds);
        claims.put("jti", UUID.randomUUID().toString());
        return sign(claims);
    }

    /** Signs arbitrary claims with RS256; tests use it to build tokens that must be refused. */
    public String sign(Map<String, Object> claims) {
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = base64Url(toJson(claims));
        String signingInput = header + "." + payload;
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a dev token", e);
        }
    }

    public static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Minimal JSON for claim values: strings, numbers, booleans and lists of those. */
    public static String toJson(Map<String, Object> claims) {
        StringBuilder json = new StringBuilder("{");
        claims.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(name)).append(':').append(value(value));
        });
        return json.append('}').toString();
    }

    private static String value(Object value) {
        if (value instanceof List<?> list) {
            StringBuilder json = new StringBuilder("[");
            for (Object item : list) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append(value(item));
            }
            return json.append(']').toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(String.valueOf(value));
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length < 2) {
            System.err.println("usage: DevTokens <sub> <customer|pos|merchant|admin|device> [validitySeconds] [private-key.pem]");
            System.exit(2);
        }
        long validitySeconds = args.length > 2 ? Long.parseLong(args[2]) : 3600;
        Path keyFile = Path.of(args.length > 3 ? args[3] : "wildfly-config/dev/jwt-dev-private.pem");
        System.out.println(fromPem(keyFile).mint(args[0], args[1], validitySeconds));
    }
}
