/**
 * Email: the weekly report message, the delivery ledger that makes it exactly once, SMTP or outbox transport and the failure notice.
 * <p>
 * A named interface of its module: the job's steps use it.
 */
@NamedInterface("mail")
package io.pushloss.delivery.mail;

import org.springframework.modulith.NamedInterface;
