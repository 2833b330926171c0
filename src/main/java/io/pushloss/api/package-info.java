/**
 * The vendor's REST API client: signed calls (UserSig), the rate limit per application and endpoint, retries with backoff, the answer parser that tolerates the documented defects, and the client's settings ({@code pushloss.api.*}).
 * <p>
 * Uses: {@code domain}.
 */
package io.pushloss.api;
