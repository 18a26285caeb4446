/**
 * Resources for merchants (role {@code merchant}). The caller is the merchant: every query is scoped
 * to the token's principal, and another merchant's resource is 404.
 */
package dev.tillpoint.api.merchant;
