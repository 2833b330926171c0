package io.pushloss.delivery.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import io.pushloss.jobdef.JobDefinition.RecipientGroup;
import io.pushloss.jobdef.JobDefinition.Recipients;

/**
 * A job's parsed recipients, or one of its recipient groups. {@link #hash()} identifies the set of people the report
 * goes to, whatever header they are in, and for a group the language it reads, so the ledger can tell "this week was
 * already sent to exactly these people in this language".
 *
 * @param language the language tag of a recipient group ({@code recipients.groups}), whose messages are entries of
 * their own in the ledger; {@code null} for the job's own recipients (their hash is the same as before groups)
 */
public record RecipientSet(List<InternetAddress> to, List<InternetAddress> cc, List<InternetAddress> bcc,
		String language) {

	public RecipientSet {
		to = List.copyOf(to);
		cc = List.copyOf(cc);
		bcc = List.copyOf(bcc);
	}

	/** The job's own recipients. */
	public RecipientSet(List<InternetAddress> to, List<InternetAddress> cc, List<InternetAddress> bcc) {
		this(to, cc, bcc, null);
	}

	/**
	 * Parses one recipient group of a job.
	 * @param own whether these are the job's own recipients (keyed as before groups existed)
	 */
	public static RecipientSet of(RecipientGroup group, boolean own) {
		return new RecipientSet(parse(group.to()), parse(group.cc()), parse(group.bcc()),
				own ? null : group.languageTag());
	}

	/**
	 * Parses a job's recipients.
	 * @throws IllegalArgumentException naming the address that is not valid
	 */
	public static RecipientSet of(Recipients recipients) {
		return new RecipientSet(parse(recipients.to()), parse(recipients.cc()), parse(recipients.bcc()));
	}

	/** Parses plain addresses such as the job's owners. */
	public static List<InternetAddress> parse(List<String> addresses) {
		List<InternetAddress> parsed = new ArrayList<>();
		for (String address : addresses) {
			try {
				parsed.add(new InternetAddress(address, true));
			}
			catch (AddressException ex) {
				throw new IllegalArgumentException("'" + address + "' is not a valid email address", ex);
			}
		}
		return parsed;
	}

	/** Whether there is nobody to send to. */
	public boolean isEmpty() {
		return this.to.isEmpty() && this.cc.isEmpty() && this.bcc.isEmpty();
	}

	/** The number of distinct addresses. */
	public int size() {
		return normalised().size();
	}

	/** SHA-256 (hex) of the distinct lower-cased addresses in all three lists, sorted. */
	public String hash() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			TreeSet<String> lines = normalised();
			if (this.language != null) {
				// not an address (no '@'): a group's entry differs from the same people reading the job's language
				lines.add("language:" + this.language);
			}
			byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
			return HexFormat.of().formatHex(digest.digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private TreeSet<String> normalised() {
		TreeSet<String> addresses = new TreeSet<>();
		for (List<InternetAddress> list : List.of(this.to, this.cc, this.bcc)) {
			list.forEach((address) -> addresses.add(address.getAddress().toLowerCase(Locale.ROOT)));
		}
		return addresses;
	}

}
