/**
 * The console's accounts and its audit trail, kept in the database so that every {@code serve} node shares them:
 * accounts with a role ({@link io.pushloss.accounts.Role}) and a bcrypt password hash, their lockout after repeated
 * failed logins, the authentication of a name and password against them, and the list of who ran, backfilled,
 * paused or resumed what.
 * <p>
 * Uses: {@code domain} (nothing else of the program; Spring JDBC and Spring Security's core and crypto).
 */
package io.pushloss.accounts;
