package dev.tillpoint.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A ledger account: running totals of what was posted to it, never a stored balance that could
 * drift from them. Only {@link Ledger} changes it, and only under a row lock.
 */
@Entity
@Table(name = "ledger_accounts")
public class LedgerAccount {

    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    private String id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR) // a plain varchar with a CHECK on every database, not H2's native enum
    @Column(name = "kind", length = 16, nullable = false, updatable = false)
    private LedgerAccountKind kind;

    @Column(name = "currency", length = 3, nullable = false, updatable = false)
    private String currency;

    @Column(name = "debits_posted", nullable = false)
    private long debitsPostedMinor;

    @Column(name = "credits_posted", nullable = false)
    private long creditsPostedMinor;

    @Column(name = "debits_must_not_exceed_credits", nullable = false, updatable = false)
    private boolean debitsMustNotExceedCredits;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected LedgerAccount() {
        // for JPA
    }

    LedgerAccount(String id, LedgerAccountKind kind, String currency, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.debitsMustNotExceedCredits = kind.debitsMustNotExceedCredits();
    }

    /** Whether debiting {@code amountMinor} keeps this account within its overdraft rule. */
    boolean canDebit(long amountMinor) {
        requirePositive(amountMinor);
        return !debitsMustNotExceedCredits || amountMinor <= balanceMinor();
    }

    /**
     * @throws IllegalStateException when the debit would overdraw an account that must not be
     *                               overdrawn: callers ask {@link #canDebit(long)} first
     */
    void debit(long amountMinor) {
        if (!canDebit(amountMinor)) {
            throw new IllegalStateException("Ledger account " + id + " must not be overdrawn");
        }
        debitsPostedMinor = Math.addExact(debitsPostedMinor, amountMinor);
    }

    void credit(long amountMinor) {
        requirePositive(amountMinor);
        creditsPostedMinor = Math.addExact(creditsPostedMinor, amountMinor);
    }

    long balanceMinor() {
        return creditsPostedMinor - debitsPostedMinor;
    }

    String id() {
        return id;
    }

    String currency() {
        return currency;
    }

    LedgerAccountView view() {
        return new LedgerAccountView(id, kind, currency, debitsPostedMinor, creditsPostedMinor);
    }

    private static void requirePositive(long amountMinor) {
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("A posted amount must be positive");
        }
    }
}
