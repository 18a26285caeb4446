package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tillpoint.customers.AccountView;
import dev.tillpoint.merchants.MerchantService;
import dev.tillpoint.merchants.MerchantView;
import dev.tillpoint.merchants.NewMerchant;
import dev.tillpoint.payments.IssuedAuthorization;
import dev.tillpoint.payments.NewOfflineAuthorization;
import dev.tillpoint.payments.OfflineAuthorizationService;
import dev.tillpoint.payments.PaymentCommand;
import dev.tillpoint.payments.PaymentView;
import dev.tillpoint.payments.PosPayments;
import dev.tillpoint.payments.PosTerminal;
import dev.tillpoint.merchants.TerminalView;
import dev.tillpoint.payments.codes.Base32;
import dev.tillpoint.payments.codes.Totp;
import dev.tillpoint.shared.Result;
import jakarta.ejb.EJB;
import java.time.Instant;
import java.util.UUID;

/**
 * Base of the in-container tests of payments and what builds on them: the payment EJBs, and the
 * set-up they share (an authorized customer, a merchant with terminals, an approved payment). A
 * subclass deploys {@code InsideEar.with(itself, InsideEarServices.class, InsideEarPayments.class,
 * Cards.class)}.
 */
abstract class InsideEarPayments extends InsideEarServices {

    @EJB(lookup = EJB_MODULE + "OfflineAuthorizationService")
    OfflineAuthorizationService authorizations;

    @EJB(lookup = EJB_MODULE + "PosPayments")
    PosPayments payments;

    @EJB(lookup = EJB_MODULE + "MerchantService")
    MerchantService merchants;

    /** A customer's EUR account and the code secret of its phone's authorization. */
    record AuthorizedAccount(AccountView account, byte[] secret) {
        String customerId() {
            return account.customerId();
        }

        /** The phone's code {@code steps} time steps from now. */
        String code(int steps) {
            return Totp.code(secret, Totp.stepAt(Instant.now()) + steps);
        }
    }

    /** A new customer with an EUR account holding {@code balanceMinor}, authorized with the bank's caps. */
    AuthorizedAccount authorizedAccount(long balanceMinor) {
        String customer = customer();
        String card = Cards.luhnValid(16);
        AccountView account = openAccount(customer, card, balanceMinor);
        Result<IssuedAuthorization> issued = authorizations.authorize(customer,
                new NewOfflineAuthorization(card, PIN, "phone", null, null, null));
        String secret = ((Result.Ok<IssuedAuthorization>) assertInstanceOf(Result.Ok.class, issued)).value().secretBase32();
        return new AuthorizedAccount(account, Base32.decode(secret));
    }

    /** A new EUR merchant. */
    MerchantView merchant(String name) {
        return ((Result.Ok<MerchantView>) assertInstanceOf(Result.Ok.class,
                merchants.register(new NewMerchant(null, name, "EUR")))).value();
    }

    /** A new active terminal of {@code merchant}. */
    String terminalOf(MerchantView merchant) {
        String terminal = "inside-" + UUID.randomUUID().toString().substring(0, 8);
        assertInstanceOf(Result.Ok.class, merchants.addTerminal(merchant.id(), terminal));
        return terminal;
    }

    /**
     * The terminal as the POS filter resolves it for a request (its clearing account is looked up
     * by the payment, as for a terminal's first payment).
     */
    PosTerminal caller(String terminalId) {
        TerminalView terminal = merchants.activeTerminal(terminalId).orElseThrow();
        return new PosTerminal(terminalId, terminal.merchantId(),
                merchants.find(terminal.merchantId()).orElseThrow().currency(), null);
    }

    /** An approved EUR payment at {@code terminalId} with {@code code}, under a fresh idempotency key. */
    PaymentView pay(String terminalId, AuthorizedAccount payer, String code, long amountMinor) {
        Result<PaymentView> paid = payments.pay(caller(terminalId), UUID.randomUUID().toString(),
                new PaymentCommand(payer.customerId(), code, amountMinor, "EUR"));
        return ((Result.Ok<PaymentView>) assertInstanceOf(Result.Ok.class, paid, paid::toString)).value();
    }
}
