package dev.tillpoint.payments;

import dev.tillpoint.merchants.MerchantService;
import dev.tillpoint.merchants.TerminalView;
import dev.tillpoint.payments.codes.Totp;
import dev.tillpoint.shared.Currencies;
import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.ValidationErrors;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Objects;
import java.util.Optional;

/**
 * The POS side of offline payments: payments, refunds and reversals with their idempotency keys.
 *
 * <p>Payments and refunds run outside any transaction here: the key is claimed and committed in
 * one transaction ({@link IdempotencyKeys#claim}), the money moves in the next
 * ({@link PaymentProcessor}), which completes the key; a fault in between releases the claim so a
 * retry can run. Bad input (400) is refused before a key is claimed, so it is never stored.
 */
@Stateless
public class PosPayments {

    public static final int MAX_KEY_LENGTH = 64;
    public static final int MAX_ORDER_ID_LENGTH = 64;
    public static final int MAX_ORDER_DESCRIPTION_LENGTH = 140;
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    IdempotencyKeys keys;

    @Inject
    PaymentProcessor processor;

    @Inject
    RequestFingerprints fingerprints;

    @Inject
    MerchantService merchants;

    @Inject
    Currencies currencies;

    /**
     * @return the approval; {@code VALIDATION_FAILED}; {@code LOCKED}; one of the 402 declines;
     *         the idempotency answers {@code IDEMPOTENCY_CONFLICT}, {@code IDEMPOTENCY_IN_PROGRESS},
     *         {@code PAYMENT_REVERSED}; or, for a retry, what the first request got
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Result<PaymentView> pay(String terminalId, String idempotencyKey, PaymentCommand command) {
        Objects.requireNonNull(command, "command");
        ValidationErrors errors = new ValidationErrors();
        checkKey(errors, idempotencyKey);
        if (!Ids.isValid(command.userId())) {
            errors.add("userId", "is required and must match " + Ids.PATTERN.pattern());
        }
        if (!Totp.isWellFormed(command.securityCode())) {
            errors.add("securityCode", "must be " + Totp.DIGITS + " digits");
        }
        if (command.amountMinor() <= 0) {
            errors.add("amount", "must be positive");
        }
        if (!currencies.isAllowed(command.currency())) {
            errors.add("currency", "must be one of " + String.join(", ", currencies.all()));
        }
        if (command.orderId() != null && (command.orderId().isEmpty() || command.orderId().length() > MAX_ORDER_ID_LENGTH)) {
            errors.add("order.id", "must be 1 to " + MAX_ORDER_ID_LENGTH + " characters");
        }
        if (command.orderDescription() != null && command.orderDescription().length() > MAX_ORDER_DESCRIPTION_LENGTH) {
            errors.add("order.description", "must be at most " + MAX_ORDER_DESCRIPTION_LENGTH + " characters");
        }
        if (command.orderDescription() != null && command.orderId() == null) {
            errors.add("order.id", "is required");
        }
        if (!errors.isEmpty()) {
            return errors.toFailure();
        }
        IdempotencyKeys.Claim claim = keys.claim(terminalId, idempotencyKey, IdempotencyKeys.PAYMENT,
                fingerprints.ofPayment(command));
        if (claim instanceof IdempotencyKeys.Claim.Refused refused) {
            return Result.failure(refused.code(), refused.detail());
        }
        if (claim instanceof IdempotencyKeys.Claim.Completed completed) {
            return replay(completed.key(), key -> em.find(Payment.class, key.paymentId()).originalApproval());
        }
        String token = ((IdempotencyKeys.Claim.Claimed) claim).token();
        try {
            return processor.pay(terminalId, idempotencyKey, token, command);
        } catch (RuntimeException fault) {
            keys.release(terminalId, idempotencyKey, token);
            throw fault;
        }
    }

    /**
     * @return the refund; {@code VALIDATION_FAILED}; {@code NOT_FOUND} for no payment of the
     *         terminal's merchant; {@code PAYMENT_REVERSED}; {@code REFUND_EXCEEDS_PAYMENT}; the
     *         idempotency answers; or, for a retry, what the first request got
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Result<RefundView> refund(String terminalId, String paymentId, String idempotencyKey, long amountMinor) {
        ValidationErrors errors = new ValidationErrors();
        checkKey(errors, idempotencyKey);
        if (amountMinor <= 0) {
            errors.add("amount", "must be positive");
        }
        if (!errors.isEmpty()) {
            return errors.toFailure();
        }
        Optional<String> merchantId = merchantOf(terminalId);
        if (merchantId.isEmpty()) {
            return Result.failure(ErrorCode.FORBIDDEN, "The caller is not a registered, active terminal.");
        }
        String fingerprint = fingerprints.ofRefund(paymentId, amountMinor);
        IdempotencyKeys.Claim claim = keys.claim(terminalId, idempotencyKey, IdempotencyKeys.REFUND, fingerprint);
        if (claim instanceof IdempotencyKeys.Claim.Refused refused) {
            return Result.failure(refused.code(), refused.detail());
        }
        if (claim instanceof IdempotencyKeys.Claim.Completed completed) {
            return replay(completed.key(), key -> em.find(Refund.class, key.refundId()).view());
        }
        String token = ((IdempotencyKeys.Claim.Claimed) claim).token();
        try {
            return processor.refund(terminalId, merchantId.get(), paymentId, amountMinor, idempotencyKey, token);
        } catch (RuntimeException fault) {
            keys.release(terminalId, idempotencyKey, token);
            throw fault;
        }
    }

    /**
     * Reverses a payment of the terminal's merchant; idempotent.
     *
     * @return the payment, now REVERSED; {@code NOT_FOUND}; {@code PAYMENT_SETTLED}; {@code PAYMENT_REFUNDED}
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<PaymentView> reverse(String terminalId, String paymentId) {
        return merchantOf(terminalId)
                .map(merchantId -> processor.reverse(merchantId, paymentId))
                .orElseGet(() -> Result.failure(ErrorCode.NOT_FOUND, "The merchant has no payment with this id."));
    }

    /**
     * The reversal of a request the POS never heard the answer to: reverses the payment made with
     * the key, or, when none was made, records the key as reversed so that a payment arriving later
     * with it is refused. A declined request moved no money and needs no undoing.
     *
     * @return the reversed payment, or empty when no payment was made with the key;
     *         {@code VALIDATION_FAILED}; {@code IDEMPOTENCY_IN_PROGRESS} while the request still runs;
     *         {@code IDEMPOTENCY_CONFLICT} for a refund's key; {@code PAYMENT_SETTLED}, {@code PAYMENT_REFUNDED}
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<Optional<PaymentView>> reverseByKey(String terminalId, String idempotencyKey) {
        ValidationErrors errors = new ValidationErrors();
        if (idempotencyKey == null || idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            errors.add("idempotencyKey", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        if (!errors.isEmpty()) {
            return errors.toFailure();
        }
        Optional<String> merchantId = merchantOf(terminalId);
        if (merchantId.isEmpty()) {
            return Result.failure(ErrorCode.FORBIDDEN, "The caller is not a registered, active terminal.");
        }
        Optional<IdempotencyKeys.StoredKey> used = keys.reverseOrLock(terminalId, idempotencyKey);
        if (used.isEmpty()) {
            return Result.ok(Optional.empty());
        }
        IdempotencyKeys.StoredKey key = used.get();
        if (IdempotencyKeys.REVERSED.equals(key.state())) {
            return Result.ok(Optional.empty());
        }
        if (!IdempotencyKeys.PAYMENT.equals(key.operation())) {
            return Result.failure(ErrorCode.IDEMPOTENCY_CONFLICT, "This Idempotency-Key was used for a refund.");
        }
        if (IdempotencyKeys.IN_PROGRESS.equals(key.state())) {
            return Result.failure(ErrorCode.IDEMPOTENCY_IN_PROGRESS, "The payment with this Idempotency-Key is still running.");
        }
        if (key.paymentId() == null) {
            return Result.ok(Optional.empty());
        }
        return processor.reverse(merchantId.get(), key.paymentId()).map(Optional::of);
    }

    /** A payment of the terminal's merchant as it stands now; empty for any other. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<PaymentView> find(String terminalId, String paymentId) {
        if (!Ids.isValid(paymentId)) {
            return Optional.empty();
        }
        Optional<String> merchantId = merchantOf(terminalId);
        return Optional.ofNullable(em.find(Payment.class, paymentId))
                .filter(payment -> merchantId.isPresent() && payment.belongsTo(merchantId.get()))
                .map(Payment::view);
    }

    private Optional<String> merchantOf(String terminalId) {
        return merchants.activeTerminal(terminalId).map(TerminalView::merchantId);
    }

    private static void checkKey(ValidationErrors errors, String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            errors.add(IDEMPOTENCY_KEY, "is required: 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }

    private static <T> Result<T> replay(IdempotencyKeys.StoredKey key,
            java.util.function.Function<IdempotencyKeys.StoredKey, T> stored) {
        if (key.outcomeCode() != null) {
            return Result.failure(ErrorCode.valueOf(key.outcomeCode()), key.outcomeDetail());
        }
        return Result.ok(stored.apply(key));
    }
}
