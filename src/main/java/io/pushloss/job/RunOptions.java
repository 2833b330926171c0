package io.pushloss.job;

/**
 * How a week is run.
 *
 * @param force fetch every window again as a new job instance, and archive a new revision when content changed
 * @param email send the report email (off for backfills unless asked)
 * @param resend send the email even when the delivery ledger says the week was sent
 */
public record RunOptions(boolean force, boolean email, boolean resend) {

	/** An ordinary scheduled or run-now run: incremental, with email. */
	public static final RunOptions DEFAULT = new RunOptions(false, true, false);

}
