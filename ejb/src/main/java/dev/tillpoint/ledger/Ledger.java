package dev.tillpoint.ledger;

import dev.tillpoint.shared.Currencies;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Sql;
import dev.tillpoint.shared.StoredTime;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The only way money moves: opens ledger accounts, posts transfers between them and reports the
 * trial balance. Every rule of {@link dev.tillpoint.ledger} is checked here before anything is
 * written.
 */
@Stateless
public class Ledger {

    private static final Logger LOG = Logger.getLogger(Ledger.class.getName());
    private static final String VIEW_SELECT = "select new dev.tillpoint.ledger.LedgerAccountView("
            + "a.id, a.kind, a.currency, a.debitsPostedMinor, a.creditsPostedMinor) from LedgerAccount a ";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Postings postings;

    @Resource(lookup = "java:jboss/datasources/TillpointDS")
    DataSource dataSource;

    /**
     * Posts {@code request} in the caller's transaction, which must exist: a posting is always part
     * of a larger business change (an account opening, a settlement) and must commit or roll back
     * with it. The rules and statements are {@link Postings}'; the persistence context is flushed
     * first, so the posting's plain JDBC sees what the caller wrote through it.
     *
     * @throws IllegalArgumentException when an account does not exist or is not in the transfer's
     *                                  currency: the caller built a request it should not have
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public PostingOutcome post(TransferRequest request) {
        em.flush();
        try (Connection db = dataSource.getConnection()) {
            return postings.post(db, request);
        } catch (SQLException e) {
            throw new Sql.Fault(e);
        }
    }

    /**
     * Opens an empty customer or merchant account. The bank's own accounts have fixed ids and are
     * made by {@link #ensureBankAccounts(Collection)} instead.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public LedgerAccountView openAccount(LedgerAccountKind kind, String currency) {
        Objects.requireNonNull(kind, "kind");
        if (kind.isBankAccount()) {
            throw new IllegalArgumentException("The bank's " + kind + " accounts are not opened on demand");
        }
        if (!Currencies.isWellFormed(currency)) {
            throw new IllegalArgumentException("A ledger account's currency is three upper-case letters");
        }
        LedgerAccount account = new LedgerAccount(Ids.generate(kind.idPrefix()), kind, currency, now());
        em.persist(account);
        // Written now so that a posting later in this transaction can lock the row with SELECT ... FOR UPDATE.
        em.flush();
        return account.view();
    }

    /**
     * The bank's funding or payout account for {@code currency}.
     *
     * @throws IllegalStateException when it is missing: startup creates one per allowed currency
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public LedgerAccountView bankAccount(LedgerAccountKind kind, String currency) {
        String id = kind.bankAccountId(currency);
        return account(id).orElseThrow(() -> new IllegalStateException("The bank account " + id
                + " is missing; one is created at startup for every allowed currency"));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<LedgerAccountView> account(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return em.createQuery(VIEW_SELECT + "where a.id = :id", LedgerAccountView.class)
                .setParameter("id", id)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** Balances (credits - debits) of the given accounts by id; unknown ids are absent. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, Long> balancesMinor(Collection<String> accountIds) {
        Map<String, Long> balances = new HashMap<>();
        if (accountIds.isEmpty()) {
            return balances;
        }
        em.createQuery(VIEW_SELECT + "where a.id in :ids", LedgerAccountView.class)
                .setParameter("ids", accountIds)
                .getResultList()
                .forEach(view -> balances.put(view.id(), view.balanceMinor()));
        return balances;
    }

    /**
     * Debits and credits posted per currency over all ledger accounts, checked against the
     * transfers themselves. The account totals alone always agree with each other (every posting
     * adds its amount to both sides), so they could not reveal totals drifting from the postings;
     * the ledger is balanced only when debits, credits and the sum of transfers agree in every
     * currency. A full pass over the transfers: this is an admin report, not a hot path.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TrialBalance trialBalance() {
        Map<String, Long> transferredMinor = new HashMap<>();
        em.createQuery("select t.currency, sum(t.amountMinor) from Transfer t group by t.currency", Object[].class)
                .getResultList()
                .forEach(row -> transferredMinor.put((String) row[0], (Long) row[1]));
        List<CurrencyTotals> totals = em.createQuery("select a.currency, sum(a.debitsPostedMinor), "
                        + "sum(a.creditsPostedMinor) from LedgerAccount a group by a.currency", Object[].class)
                .getResultList()
                .stream()
                .map(row -> new CurrencyTotals((String) row[0], (Long) row[1], (Long) row[2],
                        transferredMinor.getOrDefault((String) row[0], 0L)))
                .toList();
        return TrialBalance.of(totals);
    }

    /**
     * Creates the bank's funding and payout accounts for each currency that lacks them. An insert
     * that skips existing rows rather than check-then-insert, so that servers of a cluster starting
     * together cannot fail on each other's rows.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void ensureBankAccounts(Collection<String> currencies) {
        for (String currency : currencies) {
            if (!Currencies.isWellFormed(currency)) {
                throw new IllegalArgumentException("A ledger account's currency is three upper-case letters");
            }
            for (LedgerAccountKind kind : List.of(LedgerAccountKind.BANK_FUNDING, LedgerAccountKind.BANK_PAYOUT)) {
                int created = em.createNativeQuery("insert into ledger_accounts "
                                + "(id, kind, currency, debits_posted, credits_posted, debits_must_not_exceed_credits, created_at) "
                                + "values (:id, :kind, :currency, 0, 0, false, :createdAt) on conflict do nothing")
                        .setParameter("id", kind.bankAccountId(currency))
                        .setParameter("kind", kind.name())
                        .setParameter("currency", currency)
                        .setParameter("createdAt", now())
                        .executeUpdate();
                if (created > 0) {
                    LOG.info(() -> "Created the bank account " + kind.bankAccountId(currency));
                }
            }
        }
    }

    /** Microseconds: what both databases store, so a value read back equals the one written. */
    private Instant now() {
        return StoredTime.now(clock);
    }
}
