package dev.tillpoint.ledger;

import dev.tillpoint.shared.Currencies;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Ensures at deployment that the bank has its funding and payout account in every allowed
 * currency: the migration seeds the default currencies, a bank that configures another one gets
 * its accounts here. A malformed currency list fails the deployment.
 */
@Singleton
@Startup
public class BankAccountsBootstrap {

    @Inject
    Ledger ledger;

    @Inject
    Currencies currencies;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the ledger runs its own transaction
    void ensureBankAccountsForAllowedCurrencies() {
        ledger.ensureBankAccounts(currencies.all());
    }
}
