package dev.tillpoint.api;

/** The roles of DESIGN.md: the values of the JWT {@code groups} claim. */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String POS = "pos";
    public static final String MERCHANT = "merchant";
    public static final String ADMIN = "admin";
    public static final String DEVICE = "device";

    private Roles() {
    }
}
