package dev.tillpoint.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoints of the bank set-up contract (DESIGN.md, "Offline payments"), with the role each
 * one requires and a sample request that is well-formed but names resources that do not exist
 * (enough for every check that must come before the rules: 401, 403). The admin's reads of what it
 * set up are not in DESIGN.md; they are here so that every such check covers them too. The social
 * feed's endpoints follow (DESIGN.md "Social feed"); MY_FEED pages too, but by its own bounds
 * (1..50, 20 by default), so FeedIT covers its paging rather than the shared list tests.
 */
enum Endpoint {
    CREATE_CUSTOMER("POST", "/api/v1/admin/customers", "admin"),
    READ_CUSTOMER("GET", "/api/v1/admin/customers/{id}", "admin"),
    CREATE_ACCOUNT("POST", "/api/v1/admin/accounts", "admin"),
    READ_ACCOUNT("GET", "/api/v1/admin/accounts/{id}", "admin"),
    UNLOCK_ACCOUNT("POST", "/api/v1/admin/accounts/{id}/unlock", "admin"),
    CODE_UNLOCK("POST", "/api/v1/admin/customers/{id}/code-unlock", "admin"),
    CREATE_MERCHANT("POST", "/api/v1/admin/merchants", "admin"),
    READ_MERCHANT("GET", "/api/v1/admin/merchants/{id}", "admin"),
    CREATE_TERMINAL("POST", "/api/v1/admin/merchants/{merchantId}/terminals", "admin"),
    DEACTIVATE_TERMINAL("DELETE", "/api/v1/admin/merchants/{merchantId}/terminals/{id}", "admin"),
    TRIAL_BALANCE("GET", "/api/v1/admin/ledger/trial-balance", "admin"),
    MY_ACCOUNTS("GET", "/api/v1/accounts", "customer"),
    MY_TERMINAL("GET", "/api/v1/pos/terminals/me", "pos"),
    MERCHANT_TERMINALS("GET", "/api/v1/merchant/terminals", "merchant"),
    // Offline payments (DESIGN.md "Offline payments"): customer and POS sides.
    CREATE_OFFLINE_AUTHORIZATION("POST", "/api/v1/offline-authorizations", "customer"),
    MY_OFFLINE_AUTHORIZATIONS("GET", "/api/v1/offline-authorizations", "customer"),
    REVOKE_OFFLINE_AUTHORIZATION("DELETE", "/api/v1/offline-authorizations/{id}", "customer"),
    MY_PAYMENTS("GET", "/api/v1/payments", "customer"),
    POS_PAY("POST", "/api/v1/pos/payments", "pos"),
    POS_PAYMENT("GET", "/api/v1/pos/payments/{id}", "pos"),
    POS_REVERSE_PAYMENT("POST", "/api/v1/pos/payments/{id}/reversal", "pos"),
    POS_REFUND("POST", "/api/v1/pos/payments/{id}/refunds", "pos"),
    POS_REVERSE_BY_KEY("POST", "/api/v1/pos/reversals", "pos"),
    // Payment notifications (DESIGN.md "Settlement": the payment-events subscriber).
    MY_NOTIFICATIONS("GET", "/api/v1/notifications", "customer"),
    // Settlement (DESIGN.md "Settlement").
    RUN_SETTLEMENT("POST", "/api/v1/admin/settlements", "admin"),
    MY_SETTLEMENTS("GET", "/api/v1/merchant/settlements", "merchant"),
    MY_SETTLEMENT("GET", "/api/v1/merchant/settlements/{id}", "merchant"),
    // Beacon pages (DESIGN.md "Beacon pages"); READ_BEACON is the admin's read-back of what it registered.
    REGISTER_BEACON("POST", "/api/v1/admin/beacons", "admin"),
    READ_BEACON("GET", "/api/v1/admin/beacons/{id}", "admin"),
    REPLACE_BEACON_PAGE("PUT", "/api/v1/admin/beacons/{id}/page", "admin"),
    DEACTIVATE_BEACON("DELETE", "/api/v1/admin/beacons/{id}", "admin"),
    TRIGGER_BEACON("POST", "/api/v1/admin/beacons/{id}/trigger", "admin"),
    BEACON_STATS("GET", "/api/v1/admin/beacons/{id}/stats", "admin"),
    MY_INSTRUCTIONS("GET", "/api/v1/devices/me/instructions", "device"),
    ACK_INSTRUCTION("POST", "/api/v1/devices/me/instructions/{id}/ack", "device"),
    BEACON_SIGHTING("POST", "/api/v1/beacon-sightings", "customer"),
    // Social feed (DESIGN.md "Social feed").
    CREATE_GROUP("POST", "/api/v1/groups", "customer"),
    MY_GROUPS("GET", "/api/v1/groups", "customer"),
    ADD_GROUP_MEMBER("POST", "/api/v1/groups/{id}/members", "customer"),
    LEAVE_GROUP("DELETE", "/api/v1/groups/{id}/members/me", "customer"),
    MY_INVITATIONS("GET", "/api/v1/group-invitations", "customer"),
    ACCEPT_INVITATION("POST", "/api/v1/group-invitations/{groupId}/accept", "customer"),
    DECLINE_INVITATION("POST", "/api/v1/group-invitations/{groupId}/decline", "customer"),
    CREATE_POST("POST", "/api/v1/posts", "customer"),
    INTERACT("POST", "/api/v1/posts/{id}/interactions", "customer"),
    MY_FEED("GET", "/api/v1/feed", "customer"),
    READ_FEED_POLICY("GET", "/api/v1/admin/feed-policy", "admin"),
    REPLACE_FEED_POLICY("PUT", "/api/v1/admin/feed-policy", "admin");

    /** Every role of the `groups` claim. */
    static final List<String> ROLES = List.of("customer", "pos", "merchant", "admin", "device");

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");

    final String method;
    final String template;
    final String role;

    Endpoint(String method, String template, String role) {
        this.method = method;
        this.template = template;
        this.role = role;
    }

    /** The template with its path parameters filled in, in order. */
    String path(String... ids) {
        Matcher parameter = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        int next = 0;
        while (parameter.find()) {
            parameter.appendReplacement(path, Matcher.quoteReplacement(ids[next++]));
        }
        parameter.appendTail(path);
        if (next != ids.length) {
            throw new IllegalArgumentException(template + " takes " + next + " ids, got " + ids.length);
        }
        return path.toString();
    }

    /** Whether the endpoint is a list that pages with {@code limit} and {@code cursor} (DESIGN.md "Architecture"). */
    boolean pages() {
        return this == MY_ACCOUNTS || this == MERCHANT_TERMINALS || this == MY_OFFLINE_AUTHORIZATIONS
                || this == MY_PAYMENTS || this == MY_NOTIFICATIONS || this == MY_SETTLEMENTS
                || this == MY_GROUPS;
    }

    /**
     * The path of a list endpoint with the paging parameters given as raw text, URL-encoded; a null
     * one is left out.
     */
    String pagePath(String limit, String cursor) {
        if (!pages()) {
            throw new IllegalArgumentException(this + " is not a paged list");
        }
        List<String> query = new ArrayList<>();
        if (limit != null) {
            query.add("limit=" + URLEncoder.encode(limit, StandardCharsets.UTF_8));
        }
        if (cursor != null) {
            query.add("cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        return query.isEmpty() ? path() : path() + "?" + String.join("&", query);
    }

    /** Whether the endpoint reads a JSON request body. */
    boolean takesBody() {
        return this == CREATE_CUSTOMER || this == CREATE_ACCOUNT || this == CREATE_MERCHANT || this == CREATE_TERMINAL
                || this == CREATE_OFFLINE_AUTHORIZATION || this == POS_PAY || this == POS_REFUND || this == POS_REVERSE_BY_KEY
                || this == REGISTER_BEACON || this == REPLACE_BEACON_PAGE || this == TRIGGER_BEACON || this == BEACON_SIGHTING
                || this == CREATE_GROUP || this == ADD_GROUP_MEMBER || this == CREATE_POST || this == INTERACT
                || this == REPLACE_FEED_POLICY;
    }

    /** The path with a fresh, well-formed id that names nothing for every parameter. */
    String samplePath() {
        long parameters = PARAMETER.matcher(template).results().count();
        String[] ids = new String[(int) parameters];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Api.uniqueId("absent");
        }
        return path(ids);
    }

    /** A well-formed body with fresh ids (null for endpoints without one). */
    String sampleBody() {
        return switch (this) {
            case CREATE_CUSTOMER -> Bodies.json("id", Api.uniqueId("cust"), "name", "Sample Customer");
            case CREATE_ACCOUNT -> Bodies.json(Bank.accountBody(Api.uniqueId("absent"), Cards.luhnValid(16), "EUR", 100, Bank.PIN));
            case CREATE_MERCHANT -> Bodies.json("id", Api.uniqueId("merch"), "name", "Sample Merchant", "currency", "EUR");
            case CREATE_TERMINAL -> Bodies.json("id", Api.uniqueId("term"));
            case CREATE_OFFLINE_AUTHORIZATION -> Bodies.json("accountNumber", Cards.luhnValid(16), "secureCode", Bank.PIN,
                    "deviceId", "phone");
            case POS_PAY -> Bodies.json("userId", Api.uniqueId("absent"), "securityCode", "12345678", "amount", 100,
                    "currency", "EUR");
            case POS_REFUND -> Bodies.json("amount", 100);
            case POS_REVERSE_BY_KEY -> Bodies.json("idempotencyKey", Api.uniqueId("key"));
            case REGISTER_BEACON -> Bodies.json(Beacons.body(Beacons.newId()));
            case REPLACE_BEACON_PAGE -> Bodies.json(Beacons.page("https://sample.example/page", "Sample"));
            case TRIGGER_BEACON -> Bodies.json("durationSeconds", 60);
            case BEACON_SIGHTING -> Bodies.json("beaconId", Beacons.newId(), "rssi", -60);
            case CREATE_GROUP -> Bodies.json("name", "Sample Group", "members", List.of());
            case ADD_GROUP_MEMBER -> Bodies.json("userId", Api.uniqueId("absent"));
            case CREATE_POST -> Bodies.json("mediaType", "ARTICLE", "title", "Sample", "url", "https://media.example/sample");
            case INTERACT -> Bodies.json("type", "LIKE");
            case REPLACE_FEED_POLICY -> Bodies.json(Feeds.DEFAULT_POLICY);
            default -> null;
        };
    }

    /** Sends the sample request as {@code caller}. */
    Api.Answer sendSample(Api caller) {
        return caller.send(method, samplePath(), sampleBody(), takesBody() ? "application/json" : null);
    }

    /** Sends {@code body} as JSON to the sample path as {@code caller}. */
    Api.Answer sendSample(Api caller, String body) {
        return caller.send(method, samplePath(), body, "application/json");
    }

    /** A regular expression for the template that accepts any parameter names. */
    String templateRegex() {
        StringBuilder regex = new StringBuilder();
        int last = 0;
        Matcher parameter = PARAMETER.matcher(template);
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(last, parameter.start()))).append("\\{[^}/]+}");
            last = parameter.end();
        }
        return regex.append(Pattern.quote(template.substring(last))).toString();
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
