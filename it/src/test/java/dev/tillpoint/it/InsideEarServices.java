package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tillpoint.customers.AccountService;
import dev.tillpoint.customers.AccountView;
import dev.tillpoint.customers.CustomerService;
import dev.tillpoint.customers.NewAccount;
import dev.tillpoint.customers.NewCustomer;
import dev.tillpoint.ledger.Ledger;
import dev.tillpoint.shared.Result;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.transaction.UserTransaction;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the in-container tests: the EJBs they call, injected by Arquillian inside the server,
 * and the set-up they share. A subclass deploys {@code InsideEar.with(itself, InsideEarServices.class,
 * Cards.class)}.
 */
@ExtendWith(ArquillianExtension.class)
abstract class InsideEarServices {

    static final String EJB_MODULE = "java:global/tillpoint/tillpoint-ejb/";
    static final String PIN = "482913";

    @EJB(lookup = EJB_MODULE + "Ledger")
    Ledger ledger;

    @EJB(lookup = EJB_MODULE + "CustomerService")
    CustomerService customers;

    @EJB(lookup = EJB_MODULE + "AccountService")
    AccountService accounts;

    @Resource(lookup = "java:jboss/UserTransaction")
    UserTransaction transaction;

    /** A new customer's id. */
    String customer() {
        String id = "inside-" + UUID.randomUUID().toString().substring(0, 8);
        assertInstanceOf(Result.Ok.class, customers.register(new NewCustomer(id, "In-container test")));
        return id;
    }

    /** A new EUR account of a new customer, with a fresh card. */
    AccountView openAccount(long openingBalanceMinor) {
        return openAccount(customer(), Cards.luhnValid(16), openingBalanceMinor);
    }

    AccountView openAccount(String customerId, String card, long openingBalanceMinor) {
        Result<AccountView> opened = accounts.open(new NewAccount(customerId, card, "EUR", openingBalanceMinor, PIN));
        return ((Result.Ok<AccountView>) assertInstanceOf(Result.Ok.class, opened)).value();
    }

    /** Runs {@code work} in a transaction of its own: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Callable<T> work) throws Exception {
        transaction.begin();
        try {
            T result = work.call();
            transaction.commit();
            return result;
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
    }
}
