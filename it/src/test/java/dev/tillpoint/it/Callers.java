package dev.tillpoint.it;

/**
 * One real, registered caller per role, created on first use: a customer, a merchant, an active
 * terminal of that merchant (tests must not deactivate it), the admin and a device.
 */
final class Callers {

    private static String customer;
    private static String merchant;
    private static String terminal;

    private Callers() {
    }

    /** The id of the real caller in {@code role}. */
    static synchronized String in(String role) {
        switch (role) {
            case "customer":
                if (customer == null) {
                    customer = Bank.customer();
                }
                return customer;
            case "merchant":
                if (merchant == null) {
                    merchant = Bank.merchant();
                }
                return merchant;
            case "pos":
                if (terminal == null) {
                    terminal = Bank.terminal(in("merchant"));
                }
                return terminal;
            default:
                return "it-" + role;
        }
    }

    /** A client for the real caller in {@code role}. */
    static Api as(String role) {
        return Api.as(in(role), role);
    }
}
