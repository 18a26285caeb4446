package dev.tillpoint.it;

import dev.tillpoint.devtools.DevTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * JWTs beyond {@link Api#as}: custom claims, and the corpus of tokens the server must refuse
 * with 401 (DESIGN.md "Architecture", security: RS256, issuer tillpoint-dev, exp required,
 * clock skew 60 s).
 */
final class Tokens {

    private static DevTokens foreignSigner;

    private Tokens() {
    }

    /** The claims of a valid token: the ones {@code DevTokens.mint} writes, valid for 10 minutes. */
    static Map<String, Object> claims(String subject, String role) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", DevTokens.DEV_ISSUER);
        claims.put("aud", DevTokens.AUDIENCE);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(role));
        claims.put("iat", now);
        claims.put("exp", now + 600);
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    static String bearer(Map<String, Object> claims) {
        return "Bearer " + Api.tokens().sign(claims);
    }

    /** A bearer token that expired 10 minutes ago, well beyond the 60 s clock skew. */
    static String expired(String subject, String role) {
        long now = Instant.now().getEpochSecond();
        return bearer(Bodies.with(Bodies.with(claims(subject, role), "exp", now - 600), "iat", now - 1200));
    }

    /**
     * Authorization header values (null: no header) that must all get 401, each otherwise a
     * valid token for {@code subject} in {@code role}, keyed by what is wrong with it.
     */
    static Map<String, String> refused(String subject, String role) {
        Map<String, Object> valid = claims(subject, role);
        String validToken = Api.tokens().sign(valid);
        String[] parts = validToken.split("\\.");
        String mallorysSignature = Api.tokens().sign(claims("it-mallory", role)).split("\\.")[2];

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("no Authorization header", null);
        refused.put("expired 10 minutes ago", expired(subject, role));
        refused.put("wrong issuer", bearer(Bodies.with(valid, "iss", "https://idp.evil.example")));
        refused.put("no exp claim", bearer(Bodies.without(valid, "exp")));
        refused.put("payload character flipped", "Bearer " + parts[0] + "." + flipMiddleChar(parts[1]) + "." + parts[2]);
        refused.put("payload of another token's signature", "Bearer " + parts[0] + "." + parts[1] + "." + mallorysSignature);
        refused.put("signed with a foreign RSA key", "Bearer " + foreignSigner().sign(valid));
        refused.put("alg none, empty signature", "Bearer " + unsigned(valid));
        refused.put("alg HS256 keyed with the public key", "Bearer " + hs256WithPublicKey(valid));
        refused.put("token without the Bearer scheme", validToken);
        refused.put("Basic scheme", "Basic " + Base64.getEncoder().encodeToString((subject + ":secret").getBytes(StandardCharsets.UTF_8)));
        refused.put("not a JWT", "Bearer not-a-jwt");
        // DESIGN.md "Architecture": audience, iat in the future, lifetime over 86 400 s.
        long now = Instant.now().getEpochSecond();
        refused.put("no aud claim", bearer(Bodies.without(valid, "aud")));
        refused.put("aud of another application", bearer(Bodies.with(valid, "aud", "payroll")));
        refused.put("aud array without tillpoint", bearer(Bodies.with(valid, "aud", List.of("payroll", "tillpoint-admin"))));
        refused.put("iat a day in the future", bearer(Bodies.with(Bodies.with(valid, "iat", now + 86_400), "exp", now + 86_400 + 600)));
        refused.put("iat two minutes in the future", bearer(Bodies.with(Bodies.with(valid, "iat", now + 120), "exp", now + 720)));
        refused.put("exp ten years ahead", bearer(Bodies.with(valid, "exp", now + 10L * 365 * 86_400)));
        refused.put("lifetime 86 401 s", bearer(Bodies.with(Bodies.with(valid, "iat", now - 60), "exp", now - 60 + 86_401)));
        refused.put("no iat, exp more than a day ahead", bearer(Bodies.with(Bodies.without(valid, "iat"), "exp", now + 86_400 + 120)));
        return refused;
    }

    private static String flipMiddleChar(String part) {
        int middle = part.length() / 2;
        char flipped = part.charAt(middle) == 'A' ? 'B' : 'A';
        return part.substring(0, middle) + flipped + part.substring(middle + 1);
    }

    private static String unsigned(Map<String, Object> claims) {
        return DevTokens.base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + DevTokens.base64Url(DevTokens.toJson(claims)) + ".";
    }

    /** The classic algorithm-confusion attack: HMAC with the verifier's public key as the secret. */
    private static String hs256WithPublicKey(Map<String, Object> claims) {
        String signingInput = DevTokens.base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + DevTokens.base64Url(DevTokens.toJson(claims));
        try {
            Path publicKey = Path.of(System.getProperty("tillpoint.jwt.privateKey")).resolveSibling("jwt-dev-public.pem");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Files.readAllBytes(publicKey), "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the HS256 token", e);
        }
    }

    private static synchronized DevTokens foreignSigner() {
        if (foreignSigner == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                foreignSigner = new DevTokens(generator.generateKeyPair().getPrivate());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot generate an RSA key", e);
            }
        }
        return foreignSigner;
    }
}
