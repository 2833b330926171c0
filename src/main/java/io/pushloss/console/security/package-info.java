/**
 * The console's security: who may see and do what on {@code serve}'s web port. Pages use form login with CSRF
 * protection and an HttpOnly, SameSite session cookie; {@code /api/**} uses HTTP Basic, statelessly, and answers 401
 * and 403 with problem-details JSON. Every GET and HEAD needs the viewer or operator role, every other method the
 * operator role. Repeated failed logins lock an account for a while (the accounts module counts them). Every answer
 * carries the security headers (a Content-Security-Policy without inline scripts, frame denial, nosniff,
 * Referrer-Policy). Also the login page.
 * <p>
 * Uses: {@code accounts}, {@code domain}.
 */
package io.pushloss.console.security;
