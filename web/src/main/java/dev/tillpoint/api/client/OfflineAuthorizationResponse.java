package dev.tillpoint.api.client;

import dev.tillpoint.payments.IssuedAuthorization;
import dev.tillpoint.payments.OfflineAuthorizationView;
import dev.tillpoint.payments.codes.Totp;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An offline authorization (the first approval). {@code code} comes only in the answer that
 * created it, the one time its secret is shown.
 */
@Schema(name = "OfflineAuthorization")
public record OfflineAuthorizationResponse(
        String id,
        @Schema(examples = "************1111") String accountNumberMasked,
        String deviceId,
        @Schema(examples = "EUR") String currency,
        @Schema(enumeration = {"ACTIVE", "REVOKED", "EXPIRED"}) String status,
        Instant expiresAt,
        @Schema(description = "Minor units") long perTransactionLimit,
        @Schema(description = "Minor units") long totalLimit,
        @Schema(description = "Minor units still to spend") long remainingLimit,
        @Schema(description = "Only when created: how the phone derives its one-time codes") Code code) {

    /** RFC 6238 parameters and the Base32 secret. */
    @Schema(name = "OfflineAuthorizationCode")
    public record Code(
            @Schema(examples = "TOTP") String algorithm,
            @Schema(examples = "HmacSHA256") String hash,
            @Schema(examples = "8") int digits,
            @Schema(examples = "30") int periodSeconds,
            @Schema(description = "Base32, without padding") String secret) {

        @Override
        public String toString() {
            return "Code[secret=<hidden>]";
        }
    }

    static OfflineAuthorizationResponse from(OfflineAuthorizationView view) {
        return from(view, null);
    }

    static OfflineAuthorizationResponse created(IssuedAuthorization issued) {
        return from(issued.authorization(),
                new Code(Totp.ALGORITHM, Totp.HASH, Totp.DIGITS, Totp.PERIOD_SECONDS, issued.secretBase32()));
    }

    private static OfflineAuthorizationResponse from(OfflineAuthorizationView view, Code code) {
        return new OfflineAuthorizationResponse(view.id(), view.accountNumberMasked(), view.deviceId(), view.currency(),
                view.status().name(), view.expiresAt(), view.perTransactionLimitMinor(), view.totalLimitMinor(),
                view.remainingLimitMinor(), code);
    }

    @Override
    public String toString() {
        return "OfflineAuthorizationResponse[id=" + id + ", status=" + status + "]";
    }
}
