package dev.tillpoint.customers;

import dev.tillpoint.ledger.Ledger;
import dev.tillpoint.ledger.LedgerAccountKind;
import dev.tillpoint.ledger.LedgerAccountView;
import dev.tillpoint.ledger.PostingOutcome;
import dev.tillpoint.ledger.TransferKind;
import dev.tillpoint.ledger.TransferRequest;
import dev.tillpoint.shared.CardNumber;
import dev.tillpoint.shared.CreationOrder;
import dev.tillpoint.shared.Currencies;
import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Page;
import dev.tillpoint.shared.PageCursors;
import dev.tillpoint.shared.PageRequest;
import dev.tillpoint.shared.PanCipher;
import dev.tillpoint.shared.PanLookup;
import dev.tillpoint.shared.Pin;
import dev.tillpoint.shared.PinHash;
import dev.tillpoint.shared.PinHasher;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.StoredTime;
import dev.tillpoint.shared.UniqueConstraints;
import dev.tillpoint.shared.ValidationErrors;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Opens customers' card accounts (admin set-up), shows and lists them with balances, lifts PIN lockouts. */
@Stateless
public class AccountService {

    static final String CUSTOMER_ID = "customerId";
    static final String CURRENCY = "currency";
    static final String OPENING_BALANCE = "openingBalance";
    /** The customer's account list, as its cursors name it. */
    private static final String ACCOUNT_LIST = "accounts";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    Currencies currencies;

    @Inject
    PanCipher panCipher;

    @Inject
    PanLookup panLookup;

    @Inject
    PinHasher pinHasher;

    @Inject
    Ledger ledger;

    @Inject
    PageCursors cursors;

    /** Wrong PINs in a row that lock an account's offline authorization. */
    @Inject
    @ConfigProperty(name = "tillpoint.pin.max-attempts", defaultValue = "5")
    int maxPinAttempts;

    /** How long such a lock lasts unless an admin lifts it earlier. */
    @Inject
    @ConfigProperty(name = "tillpoint.pin.lock-seconds", defaultValue = "900")
    long pinLockSeconds;

    /**
     * Opens a card account and posts its opening balance from the bank's funding account, in one
     * transaction.
     *
     * @return the account; {@code VALIDATION_FAILED} listing every bad field ({@code customerId},
     *         {@code accountNumber}, {@code currency}, {@code openingBalance}, {@code pin});
     *         {@code UNKNOWN_REFERENCE} when the customer does not exist; {@code DUPLICATE} when the
     *         card number already has an account
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<AccountView> open(NewAccount command) {
        Objects.requireNonNull(command, "command");
        ValidationErrors errors = new ValidationErrors();
        if (!Ids.isValid(command.customerId())) {
            errors.add(CUSTOMER_ID, "is required and must match " + Ids.PATTERN.pattern());
        }
        CardNumber pan = errors.take(CardNumber.parse(command.accountNumber()));
        if (!currencies.isAllowed(command.currency())) {
            errors.add(CURRENCY, "must be one of " + String.join(", ", currencies.all()));
        }
        if (command.openingBalanceMinor() < 0) {
            errors.add(OPENING_BALANCE, "must not be negative");
        }
        Pin pin = errors.take(Pin.parse(command.pin()));
        if (!errors.isEmpty()) {
            return errors.toFailure();
        }
        if (em.find(Customer.class, command.customerId()) == null) {
            return new Result.Failure<>(ErrorCode.UNKNOWN_REFERENCE, "customerId names no customer.",
                    List.of(new Result.FieldError(CUSTOMER_ID, "names no customer")));
        }
        String lookup = panLookup.hashOf(pan);
        if (cardHasAccount(lookup)) {
            return duplicateCard();
        }
        // The slow PIN hash runs before any write, so it never holds the funding account's row lock.
        PinHash pinHash = pinHasher.hash(pin);
        String panCiphertext = panCipher.encrypt(pan);

        LedgerAccountView ledgerAccount = ledger.openAccount(LedgerAccountKind.CUSTOMER, command.currency());
        if (command.openingBalanceMinor() > 0) {
            postOpeningBalance(ledgerAccount, command.openingBalanceMinor());
        }
        Account account = new Account(ledgerAccount.id(), command.customerId(), command.currency(), pan,
                panCiphertext, lookup, pinHash, StoredTime.now(clock));
        em.persist(account);
        if (!UniqueConstraints.flushUnlessViolated(em, session)) {
            return duplicateCard();
        }
        return Result.ok(account.view(command.openingBalanceMinor()));
    }

    /**
     * A page of the customer's accounts with their balances, oldest first (then by id).
     *
     * @return the page, empty for an unknown customer; {@code VALIDATION_FAILED} on {@code cursor}
     *         when the cursor is not one this customer's account list handed out
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Result<Page<AccountView>> accountsOf(String customerId, PageRequest request) {
        Objects.requireNonNull(request, "request");
        PageCursors.Scope scope = new PageCursors.Scope(ACCOUNT_LIST, customerId);
        return cursors.startOf(request, scope, CreationOrder::fromCursorFields)
                .map(after -> accountsAfter(customerId, after, request.limit(), scope));
    }

    private Page<AccountView> accountsAfter(String customerId, Optional<CreationOrder> after, int limit,
            PageCursors.Scope scope) {
        if (!Ids.isValid(customerId)) {
            return Page.empty();
        }
        List<Account> rows = CreationOrder.pageQuery(em, Account.class, "a", "a.customerId = :customerId", after, limit)
                .setParameter("customerId", customerId)
                .getResultList();
        Page<Account> page = Page.fromLookAhead(rows, limit,
                last -> cursors.issue(scope, last.position().cursorFields()));
        Map<String, Long> balances = ledger.balancesMinor(page.items().stream().map(Account::id).toList());
        return page.map(account -> account.view(balanceOf(account, balances)));
    }

    /**
     * The account with its balance and PIN lockout, as the admin reads it back.
     *
     * @return the account, empty when there is none with this id
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<AdminAccountView> find(String accountId) {
        if (!Ids.isValid(accountId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Account.class, accountId))
                .map(account -> account.adminView(balanceOf(account), clock.instant()));
    }

    /**
     * Lifts a PIN lockout: resets the count of wrong PINs and the lock.
     *
     * @return the account; {@code NOT_FOUND} when there is none with this id
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<AccountView> unlock(String accountId) {
        // Locked so the reset cannot interleave with a concurrent wrong-PIN count on the same row.
        Account account = Ids.isValid(accountId) ? em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE) : null;
        if (account == null) {
            return Result.failure(ErrorCode.NOT_FOUND, "No account with this id.");
        }
        account.unlock();
        return Result.ok(account.view(balanceOf(account)));
    }

    /**
     * Checks the PIN of the caller's card account, counting wrong ones on the account's row (locked
     * for the check, so concurrent attempts count exactly). The count is written whatever the answer,
     * so callers must let their transaction commit on a failure: it is a result, not a rollback.
     *
     * @param pinField the request field the PIN arrived in, for a malformed one
     * @return the account; {@code VALIDATION_FAILED} for a malformed card number or PIN;
     *         {@code NOT_FOUND} when no account has this card number or it is not the customer's
     *         (the same answer, so a card's existence is never revealed); {@code LOCKED} while wrong
     *         PINs lock it, right PIN or not; {@code SECURE_CODE_INVALID} for a wrong PIN
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Result<VerifiedAccount> verifyPin(String customerId, String accountNumber, String pin,
            String accountNumberField, String pinField) {
        ValidationErrors errors = new ValidationErrors();
        CardNumber pan = errors.take(CardNumber.parse(accountNumber, accountNumberField));
        Pin parsedPin = errors.take(Pin.parse(pin, pinField));
        if (!errors.isEmpty()) {
            return errors.toFailure();
        }
        List<Account> found = em.createQuery("select a from Account a where a.panLookup = :lookup", Account.class)
                .setParameter("lookup", panLookup.hashOf(pan))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (found.isEmpty() || !found.get(0).belongsTo(customerId)) {
            return Result.failure(ErrorCode.NOT_FOUND, "The caller has no account with this number.");
        }
        Account account = found.get(0);
        Instant now = StoredTime.now(clock);
        if (account.isLockedAt(now)) {
            return Result.failure(ErrorCode.LOCKED,
                    "Too many wrong PINs: offline authorization is locked for this account for a while.");
        }
        if (!pinHasher.verify(parsedPin, account.pinHash())) {
            account.recordWrongPin(now, maxPinAttempts, Duration.ofSeconds(pinLockSeconds));
            return Result.failure(ErrorCode.SECURE_CODE_INVALID, "The secure code is wrong.");
        }
        account.recordRightPin();
        return Result.ok(account.verified());
    }

    private void postOpeningBalance(LedgerAccountView account, long amountMinor) {
        LedgerAccountView funding = ledger.bankAccount(LedgerAccountKind.BANK_FUNDING, account.currency());
        PostingOutcome outcome = ledger.post(new TransferRequest(funding.id(), account.id(), account.currency(),
                amountMinor, TransferKind.OPENING_BALANCE, account.id()));
        if (!(outcome instanceof PostingOutcome.Posted)) {
            throw new IllegalStateException("The bank's funding account refused an opening balance: " + outcome);
        }
    }

    private boolean cardHasAccount(String panLookupHash) {
        return !em.createQuery("select a.id from Account a where a.panLookup = :lookup", String.class)
                .setParameter("lookup", panLookupHash)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private long balanceOf(Account account) {
        return balanceOf(account, ledger.balancesMinor(List.of(account.id())));
    }

    private static long balanceOf(Account account, Map<String, Long> balances) {
        Long balance = balances.get(account.id());
        if (balance == null) {
            throw new IllegalStateException("Account " + account.id() + " has no ledger account");
        }
        return balance;
    }

    private static <T> Result<T> duplicateCard() {
        return Result.failure(ErrorCode.DUPLICATE, "An account with this card number already exists.");
    }
}
