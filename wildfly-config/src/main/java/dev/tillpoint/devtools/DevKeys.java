package dev.tillpoint.devtools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Generates the development keys on first build: the RSA 2048 key pair that signs dev JWTs
 * (PKCS#8 / X.509 PEM) and one random 256-bit key per field key the application reads.
 * Existing files are never overwritten, so tokens minted yesterday and data encrypted yesterday
 * stay valid. None of these files is committed; production brings its own keys.
 */
public final class DevKeys {

    /** Config names of the field keys; each becomes one file in {@code keys/}. */
    public static final List<String> FIELD_KEYS = List.of(
            "tillpoint.keys.pan-encryption",
            "tillpoint.keys.pan-lookup",
            "tillpoint.keys.pin-pepper",
            "tillpoint.keys.totp-encryption",
            "tillpoint.keys.cursor-signing");

    private DevKeys() {
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        Path devDir = Path.of(args.length > 0 ? args[0] : "wildfly-config/dev");
        Files.createDirectories(devDir.resolve("keys"));
        Path privatePem = devDir.resolve("jwt-dev-private.pem");
        Path publicPem = devDir.resolve("jwt-dev-public.pem");
        if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            write(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            write(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            System.out.println("Generated dev JWT key pair in " + devDir.toAbsolutePath());
        }
        SecureRandom random = new SecureRandom();
        for (String name : FIELD_KEYS) {
            Path file = devDir.resolve("keys").resolve(name);
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                random.nextBytes(key);
                write(file, Base64.getEncoder().encodeToString(key));
                System.out.println("Generated dev key " + name);
            }
        }
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** Owner-only (0600) where the file system has POSIX permissions: these are secrets even in dev. */
    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
