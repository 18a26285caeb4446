/**
 * Resources for data devices (role {@code device}): a beacon reads and acknowledges its own
 * instructions. The beacon is the token's principal; another beacon's instruction is 404.
 */
package dev.tillpoint.api.device;
