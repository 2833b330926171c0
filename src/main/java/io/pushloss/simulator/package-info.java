/**
 * An embedded, faithful simulator of the vendor's two push-loss APIs: signature checks, frequency limit, deterministic data with planted events, vendor quirks and fault injection.
 * <p>
 * Uses: {@code api} (to verify UserSigs), {@code domain}.
 */
package io.pushloss.simulator;
