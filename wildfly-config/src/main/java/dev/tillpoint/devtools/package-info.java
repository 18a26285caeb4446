/**
 * Development tools, never deployed: they generate the dev keys on first build, mint dev JWTs and
 * join the CLI scripts for the build's offline run. JDK only, so that each also runs as a single
 * source file on a fresh machine; being command-line programs they print to the console.
 *
 * <p>Rules: never overwrite an existing key (yesterday's tokens and data must stay valid); write
 * secrets owner-readable only; nothing generated here is committed or used in production.
 */
package dev.tillpoint.devtools;
