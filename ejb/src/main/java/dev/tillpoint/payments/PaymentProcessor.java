package dev.tillpoint.payments;

import dev.tillpoint.ledger.Ledger;
import dev.tillpoint.ledger.PostingOutcome;
import dev.tillpoint.ledger.TransferKind;
import dev.tillpoint.ledger.TransferRequest;
import dev.tillpoint.merchants.MerchantService;
import dev.tillpoint.merchants.MerchantView;
import dev.tillpoint.merchants.TerminalView;
import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.StoredTime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The money-moving transactions of the POS: a payment, a refund, a reversal, each one JTA
 * transaction. Declines are answers, not rollbacks: the decline, its idempotent outcome and the
 * wrong-code count commit with it. Locks are taken in one order everywhere (idempotency key,
 * payment, authorization, then the ledger's accounts in id order), so these never deadlock.
 */
@Stateless
public class PaymentProcessor {

    private static final String PAYMENT_PREFIX = "pay";
    private static final String REFUND_PREFIX = "rfd";
    private static final String REVERSAL_PREFIX = "rvs";
    private static final String DECLINE_PREFIX = "dcl";
    private static final String APPROVAL_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int APPROVAL_CODE_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ledger ledger;

    @Inject
    MerchantService merchants;

    @Inject
    IdempotencyKeys keys;

    @Inject
    CodeLockouts lockouts;

    @Inject
    CodeMatcher matcher;

    @Inject
    ClearingAccounts clearingAccounts;

    @Inject
    PaymentEvents events;

    /**
     * The second approval, in its own transaction: the checks of DESIGN.md in its order, then the
     * debit of the customer, the credit of the terminal's clearing account and the payment record.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Result<PaymentView> pay(String terminalId, String key, String claimToken, PaymentCommand command) {
        if (!keys.hold(terminalId, key, claimToken)) {
            return Result.failure(ErrorCode.IDEMPOTENCY_IN_PROGRESS, "A request with this Idempotency-Key is still running.");
        }
        Optional<MerchantView> merchant = merchants.activeTerminal(terminalId)
                .map(TerminalView::merchantId)
                .flatMap(merchants::find);
        if (merchant.isEmpty()) {
            keys.forget(terminalId, key, claimToken);
            return Result.failure(ErrorCode.FORBIDDEN, "The caller is not a registered, active terminal.");
        }
        Instant now = StoredTime.now(clock);
        if (lockouts.isLocked(command.userId(), terminalId, now)) {
            keys.forget(terminalId, key, claimToken);
            return Result.failure(ErrorCode.LOCKED, "Too many wrong codes: payments of this user are locked for a while.");
        }
        Decliner decline = new Decliner(terminalId, merchant.get().id(), key, claimToken, command, now);
        Optional<CodeMatcher.Match> match = matcher.match(command.userId(), command.securityCode(), now);
        if (match.isEmpty()) {
            Result<PaymentView> declined = decline.as(ErrorCode.CODE_INVALID, null, "The security code is not valid.");
            lockouts.afterWrongCode(command.userId(), terminalId, now);
            return declined;
        }
        // Loaded here for the first time in this transaction, so its state is read under the lock.
        OfflineAuthorization authorization = em.find(OfflineAuthorization.class, match.get().authorizationId(),
                LockModeType.PESSIMISTIC_WRITE);
        long step = match.get().step();
        if (!authorization.acceptsStep(step)) {
            return decline.as(ErrorCode.CODE_REUSED, authorization, "This security code was used already, or a newer one was.");
        }
        switch (authorization.statusAt(now)) {
            case REVOKED:
                return decline.as(ErrorCode.AUTHORIZATION_REVOKED, authorization, "The offline authorization was revoked.");
            case EXPIRED:
                return decline.as(ErrorCode.AUTHORIZATION_EXPIRED, authorization, "The offline authorization has expired.");
            default:
                break;
        }
        if (!command.currency().equals(authorization.currency()) || !command.currency().equals(merchant.get().currency())) {
            return decline.as(ErrorCode.CURRENCY_MISMATCH, authorization,
                    "The payment's currency is not the account's or the merchant's.");
        }
        if (!authorization.allows(command.amountMinor())) {
            return decline.as(ErrorCode.LIMIT_EXCEEDED, authorization,
                    "The amount is over the authorization's per-transaction or remaining limit.");
        }
        String clearingAccountId = clearingAccounts.of(terminalId, merchant.get().currency());
        String paymentId = Ids.generate(PAYMENT_PREFIX);
        PostingOutcome posted = ledger.post(new TransferRequest(authorization.accountId(), clearingAccountId,
                command.currency(), command.amountMinor(), TransferKind.PAYMENT, paymentId));
        if (posted instanceof PostingOutcome.InsufficientFunds) {
            return decline.as(ErrorCode.INSUFFICIENT_FUNDS, authorization, "The account lacks the funds.");
        }
        authorization.pay(step, command.amountMinor());
        Payment payment = new Payment(paymentId, new ApprovedPayment(terminalId, merchant.get().id(),
                authorization.customerId(), authorization.accountId(), authorization.id(), clearingAccountId,
                command.currency(), command.amountMinor(), step, approvalCode(), command.orderId(),
                command.orderDescription(), key), now);
        em.persist(payment);
        keys.complete(terminalId, key, claimToken, paymentId, null, null, null);
        events.approved(payment, now);
        return Result.ok(payment.view());
    }

    /** Records a decline and its idempotent outcome; the transaction still commits. */
    private final class Decliner {
        private final String terminalId;
        private final String merchantId;
        private final String key;
        private final String claimToken;
        private final PaymentCommand command;
        private final Instant now;

        Decliner(String terminalId, String merchantId, String key, String claimToken, PaymentCommand command, Instant now) {
            this.terminalId = terminalId;
            this.merchantId = merchantId;
            this.key = key;
            this.claimToken = claimToken;
            this.command = command;
            this.now = now;
        }

        Result<PaymentView> as(ErrorCode code, OfflineAuthorization authorization, String detail) {
            em.persist(new PaymentDecline(Ids.generate(DECLINE_PREFIX), terminalId, merchantId, command,
                    authorization == null ? null : authorization.id(), code, now));
            keys.complete(terminalId, key, claimToken, null, null, code, detail);
            return Result.failure(code, detail);
        }
    }

    /**
     * A refund of part of a payment of the terminal's merchant, in its own transaction; allowed
     * after settlement. Every answer but a fault completes the key.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Result<RefundView> refund(String terminalId, String merchantId, String paymentId, long amountMinor,
            String key, String claimToken) {
        if (!keys.hold(terminalId, key, claimToken)) {
            return Result.failure(ErrorCode.IDEMPOTENCY_IN_PROGRESS, "A request with this Idempotency-Key is still running.");
        }
        Result<RefundView> outcome = refundLocked(terminalId, merchantId, paymentId, amountMinor, key);
        if (outcome instanceof Result.Ok<RefundView> ok) {
            keys.complete(terminalId, key, claimToken, null, ok.value().id(), null, null);
        } else if (outcome instanceof Result.Failure<RefundView> failure) {
            keys.complete(terminalId, key, claimToken, null, null, failure.code(), failure.detail());
        }
        return outcome;
    }

    private Result<RefundView> refundLocked(String terminalId, String merchantId, String paymentId, long amountMinor,
            String key) {
        Payment payment = lockedPaymentOf(merchantId, paymentId);
        if (payment == null) {
            return paymentNotFound();
        }
        if (payment.isReversed()) {
            return Result.failure(ErrorCode.PAYMENT_REVERSED, "The payment was reversed.");
        }
        if (amountMinor > payment.refundableMinor()) {
            return Result.failure(ErrorCode.REFUND_EXCEEDS_PAYMENT, "Refunds in total would exceed the payment.");
        }
        String refundId = Ids.generate(REFUND_PREFIX);
        requirePosted(ledger.post(new TransferRequest(payment.clearingAccountId(), payment.accountId(), payment.currency(),
                amountMinor, TransferKind.REFUND, refundId)));
        payment.refund(amountMinor);
        Instant now = StoredTime.now(clock);
        Refund refund = new Refund(refundId, payment, terminalId, amountMinor, key, now);
        em.persist(refund);
        events.refunded(payment, refund, now);
        return Result.ok(refund.view());
    }

    /**
     * Reverses an unsettled, unrefunded payment of the merchant in the caller's transaction (or a
     * new one); a reversed payment answers as it is. The authorization gets the amount back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<PaymentView> reverse(String merchantId, String paymentId) {
        Payment payment = lockedPaymentOf(merchantId, paymentId);
        if (payment == null) {
            return paymentNotFound();
        }
        if (payment.isReversed()) {
            return Result.ok(payment.view());
        }
        if (payment.isSettled()) {
            return Result.failure(ErrorCode.PAYMENT_SETTLED, "The payment is settled; refund it instead.");
        }
        if (payment.refundableMinor() < payment.amountMinor()) {
            return Result.failure(ErrorCode.PAYMENT_REFUNDED, "The payment was refunded; refund the rest instead.");
        }
        em.find(OfflineAuthorization.class, payment.authorizationId(), LockModeType.PESSIMISTIC_WRITE)
                .restore(payment.amountMinor());
        String reversalId = Ids.generate(REVERSAL_PREFIX);
        requirePosted(ledger.post(new TransferRequest(payment.clearingAccountId(), payment.accountId(), payment.currency(),
                payment.amountMinor(), TransferKind.REVERSAL, reversalId)));
        Instant now = StoredTime.now(clock);
        payment.reverse(reversalId, now);
        events.reversed(payment, now);
        return Result.ok(payment.view());
    }

    private Payment lockedPaymentOf(String merchantId, String paymentId) {
        if (!Ids.isValid(paymentId)) {
            return null;
        }
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        return payment != null && payment.belongsTo(merchantId) ? payment : null;
    }

    private static <T> Result<T> paymentNotFound() {
        return Result.failure(ErrorCode.NOT_FOUND, "The merchant has no payment with this id.");
    }

    /** Clearing accounts may go negative, so a refund or reversal can never lack funds. */
    private static void requirePosted(PostingOutcome outcome) {
        if (!(outcome instanceof PostingOutcome.Posted)) {
            throw new IllegalStateException("A clearing account refused a debit: " + outcome);
        }
    }

    private static String approvalCode() {
        StringBuilder code = new StringBuilder(APPROVAL_CODE_LENGTH);
        for (int i = 0; i < APPROVAL_CODE_LENGTH; i++) {
            code.append(APPROVAL_ALPHABET.charAt(RANDOM.nextInt(APPROVAL_ALPHABET.length())));
        }
        return code.toString();
    }
}
