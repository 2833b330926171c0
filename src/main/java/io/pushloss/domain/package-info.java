/**
 * Value types every module shares: vendor, stage, event type, loss source, loss row, region, ISO week, the data directory (its owner lock, and the owner-only, link-refusing file writes every writer goes through), and the one idiom by which an enum is found from its code.
 * <p>
 * Uses: nothing of this program (JDK and Spring Boot's configuration annotations only).
 */
package io.pushloss.domain;
