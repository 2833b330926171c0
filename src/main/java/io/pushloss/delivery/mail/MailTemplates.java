package io.pushloss.delivery.mail;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.pushloss.analysis.ReportText;

import org.springframework.context.MessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders the email templates of the {@code reports-templates/} folder: first from the configured folder
 * ({@code pushloss.report.templates-dir}) when it has the template, else from the copy packaged on the classpath.
 * Names ending in {@code .txt} are plain-text templates, everything else HTML (escaped by {@code th:text}).
 */
public class MailTemplates {

	/** Where the packaged templates live on the classpath. */
	public static final String CLASSPATH_PREFIX = "reports-templates/";

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	/** Templates with the bundled messages ({@link ReportText#bundledMessages()}). */
	public MailTemplates(Path templatesDir) {
		this(templatesDir, ReportText.bundledMessages());
	}

	/**
	 * @param templatesDir the editable templates folder, or {@code null} for the packaged templates only
	 * @param messages the bundles {@code #{key}} in a template reads ({@code i18n/email} and the shared vocabulary)
	 */
	public MailTemplates(Path templatesDir, MessageSource messages) {
		this.engine.setTemplateEngineMessageSource(messages);
		int order = 1;
		if (templatesDir != null) {
			FileTemplateResolver files = new FileTemplateResolver();
			files.setPrefix(templatesDir.toAbsolutePath().normalize() + "/");
			this.engine.addTemplateResolver(configure(files, order++));
		}
		ClassLoaderTemplateResolver classpath = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
		classpath.setPrefix(CLASSPATH_PREFIX);
		this.engine.addTemplateResolver(configure(classpath, order));
	}

	private static AbstractConfigurableTemplateResolver configure(AbstractConfigurableTemplateResolver resolver,
			int order) {
		resolver.setOrder(order);
		resolver.setCheckExistence(true);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setTextTemplateModePatterns(Set.of("*.txt"));
		resolver.setCacheable(true);
		return resolver;
	}

	/** Renders a template such as {@code email/weekly-report.html} in English. */
	public String render(String template, Map<String, Object> variables) {
		return render(template, variables, Locale.ENGLISH);
	}

	/** Renders a template with its {@code #{key}} messages in {@code locale}. */
	public String render(String template, Map<String, Object> variables, Locale locale) {
		return this.engine.process(template, new Context(locale, variables));
	}

}
