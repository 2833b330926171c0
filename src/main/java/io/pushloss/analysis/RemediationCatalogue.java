package io.pushloss.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import io.pushloss.domain.Vendor;

/**
 * What each (vendor, error code) means and who can fix it, read from a versioned YAML file (by default the bundled
 * {@code remediation-catalogue.yml}; see doc/analysis.md for the format).
 * <p>
 * Lookup order: the vendor's entry whose {@code info} occurs in the row's ErrInfo, the vendor's entry without
 * {@code info}, then the same two for vendor {@code any}. A code found nowhere is
 * {@link Remediation#uncatalogued() uncatalogued}: it is still reported, never dropped.
 */
public final class RemediationCatalogue {

	/** The location of the catalogue that ships with the application. */
	public static final String BUNDLED = "classpath:remediation-catalogue.yml";

	private static final String ANY = "any";

	/** The languages an entry may be translated to, besides its English. */
	private static final List<String> TRANSLATIONS = List.of("zh-CN");

	// YAML is bound to plain records of strings only: no type tags, no arbitrary classes.
	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final int version;

	private final Map<Key, List<Entry>> entries;

	private RemediationCatalogue(int version, Map<Key, List<Entry>> entries) {
		this.version = version;
		this.entries = entries;
	}

	/** Loads the bundled catalogue. */
	public static RemediationCatalogue bundled() {
		return load(new DefaultResourceLoader().getResource(BUNDLED));
	}

	/**
	 * Loads and validates a catalogue.
	 * @throws RemediationCatalogueException naming the file and the entry at fault
	 */
	public static RemediationCatalogue load(Resource resource) {
		String location = resource.getDescription();
		CatalogueFile file;
		try (InputStream in = resource.getInputStream()) {
			file = YAML.readValue(in, CatalogueFile.class);
		}
		catch (IOException | JacksonException ex) {
			throw new RemediationCatalogueException("Cannot read remediation catalogue " + location + ": "
					+ ex.getMessage(), ex);
		}
		if (file == null || file.version() == null || file.version() < 1) {
			throw new RemediationCatalogueException("Remediation catalogue " + location
					+ " needs a 'version:' of 1 or more");
		}
		Map<Key, List<Entry>> entries = new HashMap<>();
		List<RawEntry> raw = (file.entries() != null) ? file.entries() : List.of();
		for (int i = 0; i < raw.size(); i++) {
			String where = "Remediation catalogue " + location + " entry " + (i + 1);
			Entry entry = raw.get(i).validate(where);
			List<Entry> sameCode = entries.computeIfAbsent(new Key(entry.vendor(), entry.code()),
					(key) -> new ArrayList<>());
			if (sameCode.stream().anyMatch((other) -> Objects.equals(other.info(), entry.info()))) {
				throw new RemediationCatalogueException(where + " repeats vendor " + raw.get(i).vendor() + ", code '"
						+ entry.code() + "'" + ((entry.info() != null) ? ", info '" + entry.info() + "'" : ""));
			}
			sameCode.add(entry);
		}
		return new RemediationCatalogue(file.version(), entries);
	}

	/** The catalogue's {@code version:}. */
	public int version() {
		return this.version;
	}

	/** How many entries the catalogue has. */
	public int size() {
		return this.entries.values().stream().mapToInt(List::size).sum();
	}

	/** Every entry's remediation (for checks over the whole catalogue). */
	List<Remediation> all() {
		return this.entries.values().stream().flatMap(List::stream).map(Entry::remediation).toList();
	}

	/** Looks up a code without regard to its description. */
	public Remediation lookup(Vendor vendor, String errCode) {
		return lookup(vendor, errCode, "");
	}

	/**
	 * Looks up a code: vendor-specific entries first, then entries for any vendor; within each, an entry whose
	 * {@code info} occurs in {@code errInfo} (ignoring case) wins over the plain entry.
	 */
	public Remediation lookup(Vendor vendor, String errCode, String errInfo) {
		String info = (errInfo != null) ? errInfo.toLowerCase(Locale.ROOT) : "";
		for (Vendor scope : Arrays.asList(vendor, null)) {
			List<Entry> candidates = this.entries.getOrDefault(new Key(scope, errCode.trim()), List.of());
			for (Entry entry : candidates) {
				if (entry.info() != null && info.contains(entry.info())) {
					return entry.remediation();
				}
			}
			for (Entry entry : candidates) {
				if (entry.info() == null) {
					return entry.remediation();
				}
			}
		}
		return Remediation.uncatalogued();
	}

	/** {@code vendor} is {@code null} for entries of any vendor. */
	private record Key(Vendor vendor, String code) {
	}

	/** {@code info} is lower case, {@code null} when the entry applies whatever the description. */
	private record Entry(Vendor vendor, String code, String info, Remediation remediation) {
	}

	private record CatalogueFile(Integer version, List<RawEntry> entries) {
	}

	private record RawText(String meaning, String action) {

		static Remediation.Text text(String meaning, String action, String where) {
			if (meaning == null || meaning.isBlank() || action == null || action.isBlank()) {
				throw new RemediationCatalogueException(where + " needs both meaning and action (or neither)");
			}
			return new Remediation.Text(meaning.strip(), action.strip());
		}

	}

	private record RawEntry(String vendor, String code, String info, String category, String owner, String hint,
			String meaning, String action, Map<String, RawText> translations) {

		Entry validate(String where) {
			if (this.vendor == null || this.code == null || this.code.isBlank() || this.category == null
					|| this.owner == null || this.hint == null || this.hint.isBlank()) {
				throw new RemediationCatalogueException(
						where + " needs vendor, code, category, owner and hint (info is optional)");
			}
			Vendor scope = ANY.equalsIgnoreCase(this.vendor.trim()) ? null : parse(Vendor.class, this.vendor, where);
			String matchInfo = (this.info == null || this.info.isBlank()) ? null
					: this.info.trim().toLowerCase(Locale.ROOT);
			Remediation remediation = new Remediation(parse(LossCategory.class, this.category, where),
					parse(RemediationOwner.class, this.owner, where), this.hint.trim(), true, texts(where));
			return new Entry(scope, this.code.trim(), matchInfo, remediation);
		}

		/** English from meaning and action (both or neither), and each translation by its language tag. */
		private Map<String, Remediation.Text> texts(String where) {
			Map<String, Remediation.Text> texts = new HashMap<>();
			if (this.meaning != null || this.action != null) {
				texts.put("en", RawText.text(this.meaning, this.action, where));
			}
			if (this.translations != null) {
				this.translations.forEach((tag, text) -> {
					if (!TRANSLATIONS.contains(tag)) {
						throw new RemediationCatalogueException(where + ": translation '" + tag
								+ "' is not a report language; expected one of " + TRANSLATIONS);
					}
					if (text == null) {
						throw new RemediationCatalogueException(where + ": translation '" + tag
								+ "' needs meaning and action");
					}
					texts.put(tag, RawText.text(text.meaning(), text.action(), where + " (" + tag + ")"));
				});
			}
			return texts;
		}

		private static <E extends Enum<E>> E parse(Class<E> type, String value, String where) {
			try {
				return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new RemediationCatalogueException(where + ": '" + value + "' is not a "
						+ type.getSimpleName() + "; expected one of " + Arrays.toString(type.getEnumConstants())
						+ ((type == Vendor.class) ? " or any" : ""));
			}
		}

	}

}
