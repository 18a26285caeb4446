/**
 * Admin resources (role {@code admin}): setting up customers, accounts, merchants and terminals,
 * and reading the ledger's trial balance.
 *
 * <p>Rules: every class is {@code @RolesAllowed("admin")}; a body naming a resource that does not
 * exist is 422 UNKNOWN_REFERENCE (the service decides); card numbers and PINs are accepted here and
 * never returned (the account shows {@code accountNumberMasked} only); request records hide them in
 * {@code toString()}.
 */
package dev.tillpoint.api.admin;
