package dev.tillpoint.merchants;

import dev.tillpoint.ledger.Ledger;
import dev.tillpoint.ledger.LedgerAccountKind;
import dev.tillpoint.ledger.LedgerAccountView;
import dev.tillpoint.shared.CreationOrder;
import dev.tillpoint.shared.Currencies;
import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Page;
import dev.tillpoint.shared.PageCursors;
import dev.tillpoint.shared.PageRequest;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.StoredTime;
import dev.tillpoint.shared.UniqueConstraints;
import dev.tillpoint.shared.ValidationErrors;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Registers merchants and manages their terminals (admin set-up); tells the POS API which terminals may pay. */
@Stateless
public class MerchantService {

    private static final String ID_PREFIX = "mer";
    /** The merchant's terminal list, as its cursors name it. */
    private static final String TERMINAL_LIST = "terminals";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    Currencies currencies;

    @Inject
    Ledger ledger;

    @Inject
    PageCursors cursors;

    @Inject
    Event<TerminalDeactivated> deactivations;

    /**
     * Registers a merchant with its settlement ledger account.
     *
     * @return the merchant; {@code VALIDATION_FAILED} on {@code id}, {@code name} or {@code currency};
     *         {@code DUPLICATE} when the id is taken
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<MerchantView> register(NewMerchant command) {
        Objects.requireNonNull(command, "command");
        ValidationErrors errors = new ValidationErrors();
        errors.checkOptionalId("id", command.id()).checkName("name", command.name(), Merchant.MAX_NAME_LENGTH);
        if (!currencies.isAllowed(command.currency())) {
            errors.add("currency", "must be one of " + String.join(", ", currencies.all()));
        }
        if (!errors.isEmpty()) {
            return errors.toFailure();
        }
        String id = command.id() != null ? command.id() : Ids.generate(ID_PREFIX);
        if (em.find(Merchant.class, id) != null) {
            return duplicateMerchant();
        }
        LedgerAccountView settlementAccount = ledger.openAccount(LedgerAccountKind.MERCHANT, command.currency());
        Merchant merchant = new Merchant(id, command.name(), command.currency(), settlementAccount.id(), now());
        em.persist(merchant);
        if (!UniqueConstraints.flushUnlessViolated(em, session)) {
            return duplicateMerchant();
        }
        return Result.ok(merchant.view());
    }

    /**
     * Adds a terminal to a merchant.
     *
     * @return the terminal; {@code VALIDATION_FAILED} on {@code id}; {@code NOT_FOUND} for an unknown
     *         merchant; {@code DUPLICATE} when any merchant ever had a terminal with this id
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<TerminalView> addTerminal(String merchantId, String terminalId) {
        if (!Ids.isValid(terminalId)) {
            return Result.invalid("id", "is required and must match " + Ids.PATTERN.pattern());
        }
        if (!Ids.isValid(merchantId) || em.find(Merchant.class, merchantId) == null) {
            return merchantNotFound();
        }
        if (em.find(Terminal.class, terminalId) != null) {
            return duplicateTerminal();
        }
        Terminal terminal = new Terminal(terminalId, merchantId, now());
        em.persist(terminal);
        if (!UniqueConstraints.flushUnlessViolated(em, session)) {
            return duplicateTerminal();
        }
        return Result.ok(terminal.view());
    }

    /**
     * Deactivates a merchant's terminal; idempotent.
     *
     * @return the terminal, inactive; {@code NOT_FOUND} when it does not exist or is another merchant's
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<TerminalView> deactivateTerminal(String merchantId, String terminalId) {
        Terminal terminal = Ids.isValid(terminalId) ? em.find(Terminal.class, terminalId) : null;
        if (terminal == null || !terminal.belongsTo(merchantId)) {
            return Result.failure(ErrorCode.NOT_FOUND, "No terminal with this id at this merchant.");
        }
        terminal.deactivate(now());
        deactivations.fire(new TerminalDeactivated(terminalId));
        return Result.ok(terminal.view());
    }

    /** The terminal if it exists and is active: what a POS token's subject must be. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<TerminalView> activeTerminal(String terminalId) {
        if (!Ids.isValid(terminalId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Terminal.class, terminalId)).filter(Terminal::isActive).map(Terminal::view);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<MerchantView> find(String merchantId) {
        if (!Ids.isValid(merchantId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Merchant.class, merchantId)).map(Merchant::view);
    }

    /**
     * A page of the merchant's terminals, active and not, oldest first (then by id).
     *
     * @return the page, empty for an unknown merchant; {@code VALIDATION_FAILED} on {@code cursor}
     *         when the cursor is not one this merchant's terminal list handed out
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Result<Page<TerminalView>> terminalsOf(String merchantId, PageRequest request) {
        Objects.requireNonNull(request, "request");
        PageCursors.Scope scope = new PageCursors.Scope(TERMINAL_LIST, merchantId);
        return cursors.startOf(request, scope, CreationOrder::fromCursorFields)
                .map(after -> terminalsAfter(merchantId, after, request.limit(), scope));
    }

    private Page<TerminalView> terminalsAfter(String merchantId, Optional<CreationOrder> after, int limit,
            PageCursors.Scope scope) {
        if (!Ids.isValid(merchantId)) {
            return Page.empty();
        }
        List<Terminal> rows = CreationOrder.pageQuery(em, Terminal.class, "t", "t.merchantId = :merchantId", after, limit)
                .setParameter("merchantId", merchantId)
                .getResultList();
        return Page.fromLookAhead(rows, limit,
                        last -> cursors.issue(scope, last.position().cursorFields()))
                .map(Terminal::view);
    }

    private Instant now() {
        return StoredTime.now(clock);
    }

    private static <T> Result<T> merchantNotFound() {
        return Result.failure(ErrorCode.NOT_FOUND, "No merchant with this id.");
    }

    private static <T> Result<T> duplicateMerchant() {
        return Result.failure(ErrorCode.DUPLICATE, "A merchant with this id already exists.");
    }

    private static <T> Result<T> duplicateTerminal() {
        return Result.failure(ErrorCode.DUPLICATE, "A terminal with this id already exists.");
    }
}
