/**
 * Resources for the bank's mobile app (role {@code customer}). The caller is the customer: every
 * query is scoped to the token's principal, and another customer's resource is 404, never 403, so
 * that its existence is not revealed.
 */
package dev.tillpoint.api.client;
