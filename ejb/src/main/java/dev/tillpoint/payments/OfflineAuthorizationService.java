package dev.tillpoint.payments;

import dev.tillpoint.customers.AccountService;
import dev.tillpoint.customers.CustomerService;
import dev.tillpoint.customers.CustomerView;
import dev.tillpoint.customers.VerifiedAccount;
import dev.tillpoint.payments.codes.Base32;
import dev.tillpoint.payments.codes.CodeSecrets;
import dev.tillpoint.shared.CreationOrder;
import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Page;
import dev.tillpoint.shared.PageCursors;
import dev.tillpoint.shared.PageRequest;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.StoredTime;
import dev.tillpoint.shared.ValidationErrors;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The customer's side of offline payments: first approvals, their list, their revocation. */
@Stateless
public class OfflineAuthorizationService {

    private static final String ID_PREFIX = "oau";
    private static final String AUTHORIZATION_LIST = "offline-authorizations";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AccountService accounts;

    @Inject
    CodeSecrets secrets;

    @Inject
    PaymentPolicy policy;

    @Inject
    PageCursors cursors;

    @Inject
    CodeLockouts lockouts;

    @Inject
    CustomerService customers;

    /**
     * Checks the PIN and, when right, issues an authorization for the caller's account and device,
     * revoking the device's earlier one. One transaction that commits whatever the answer, so a
     * wrong PIN's count survives the 403 it gets.
     *
     * @return the authorization with its secret; {@code VALIDATION_FAILED} for a bad field;
     *         {@code NOT_FOUND}, {@code LOCKED} or {@code SECURE_CODE_INVALID} from the PIN check
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<IssuedAuthorization> authorize(String customerId, NewOfflineAuthorization command) {
        Objects.requireNonNull(command, "command");
        ValidationErrors errors = new ValidationErrors();
        if (!Ids.isValid(command.deviceId())) {
            errors.add("deviceId", "is required and must match " + Ids.PATTERN.pattern());
        }
        checkPositive(errors, "perTransactionLimit", command.perTransactionLimitMinor());
        checkPositive(errors, "totalLimit", command.totalLimitMinor());
        checkPositive(errors, "validitySeconds", command.validitySeconds());
        if (!errors.isEmpty()) {
            return errors.toFailure();
        }
        if (!Ids.isValid(customerId)) {
            return Result.failure(ErrorCode.NOT_FOUND, "The caller has no account with this number.");
        }
        // The account row stays locked to the end of the transaction: it also serializes two
        // authorizations of one account and device racing each other.
        return accounts.verifyPin(customerId, command.accountNumber(), command.secureCode(),
                        NewOfflineAuthorization.ACCOUNT_NUMBER, NewOfflineAuthorization.SECURE_CODE)
                .map(account -> issue(account, command));
    }

    private IssuedAuthorization issue(VerifiedAccount account, NewOfflineAuthorization command) {
        Instant now = StoredTime.now(clock);
        em.createQuery("select a from OfflineAuthorization a where a.accountId = :account and a.deviceId = :device"
                        + " and a.revokedAt is null", OfflineAuthorization.class)
                .setParameter("account", account.id())
                .setParameter("device", command.deviceId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(earlier -> earlier.revoke(now));
        // Written before the insert, which the unique (account, active device) would refuse otherwise.
        em.flush();
        AuthorizationLimits limits = AuthorizationLimits.capped(command.perTransactionLimitMinor(),
                command.totalLimitMinor(), command.validitySeconds(), policy);
        String id = Ids.generate(ID_PREFIX);
        byte[] secret = secrets.newSecret();
        try {
            OfflineAuthorization authorization = new OfflineAuthorization(id, account.customerId(), account.id(),
                    account.currency(), account.accountNumberMasked(), command.deviceId(), limits,
                    secrets.encrypt(secret, id), now);
            em.persist(authorization);
            return new IssuedAuthorization(authorization.viewAt(now), Base32.encode(secret));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * A page of the caller's authorizations, oldest first, with their status now; never a secret.
     *
     * @return the page; {@code VALIDATION_FAILED} on {@code cursor} for a cursor of another list or caller
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Result<Page<OfflineAuthorizationView>> authorizationsOf(String customerId, PageRequest request) {
        PageCursors.Scope scope = new PageCursors.Scope(AUTHORIZATION_LIST, customerId);
        return cursors.startOf(request, scope, CreationOrder::fromCursorFields)
                .map(after -> page(customerId, after, request.limit(), scope));
    }

    private Page<OfflineAuthorizationView> page(String customerId, Optional<CreationOrder> after, int limit,
            PageCursors.Scope scope) {
        if (!Ids.isValid(customerId)) {
            return Page.empty();
        }
        List<OfflineAuthorization> rows = CreationOrder.pageQuery(em, OfflineAuthorization.class, "a",
                        "a.customerId = :customerId", after, limit)
                .setParameter("customerId", customerId)
                .getResultList();
        Instant now = StoredTime.now(clock);
        return Page.fromLookAhead(rows, limit, last -> cursors.issue(scope, last.position().cursorFields()))
                .map(authorization -> authorization.viewAt(now));
    }

    /**
     * Revokes one of the caller's authorizations; its codes are refused from then on. Idempotent.
     *
     * @return the authorization; {@code NOT_FOUND} when the caller has none with this id
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<OfflineAuthorizationView> revoke(String customerId, String authorizationId) {
        OfflineAuthorization authorization = Ids.isValid(authorizationId)
                ? em.find(OfflineAuthorization.class, authorizationId, LockModeType.PESSIMISTIC_WRITE)
                : null;
        if (authorization == null || !authorization.customerId().equals(customerId)) {
            return Result.failure(ErrorCode.NOT_FOUND, "The caller has no authorization with this id.");
        }
        Instant now = StoredTime.now(clock);
        authorization.revoke(now);
        return Result.ok(authorization.viewAt(now));
    }

    private static void checkPositive(ValidationErrors errors, String field, Long value) {
        if (value != null && value <= 0) {
            errors.add(field, "must be positive");
        }
    }

    /**
     * An admin's code-unlock: lifts the code locks of every user-terminal pair of the customer and
     * starts their wrong-code counts afresh (a terminal's own lock, for all users, stays).
     *
     * @return the customer; {@code NOT_FOUND} for an unknown one
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<CustomerView> unlockCodes(String customerId) {
        Optional<CustomerView> customer = customers.find(customerId);
        if (customer.isEmpty()) {
            return Result.failure(ErrorCode.NOT_FOUND, "No customer with this id.");
        }
        lockouts.unlock(customerId, StoredTime.now(clock));
        return Result.ok(customer.get());
    }
}
