package io.pushloss.delivery;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.pushloss.domain.Region;
import io.pushloss.jobdef.JobDefinition.ApiSettings;
import io.pushloss.jobdef.JobDefinition.ArchiveSettings;
import io.pushloss.jobdef.JobDefinition.Recipients;
import io.pushloss.jobdef.JobDefinition.Sources;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.report.ReportDocuments;

/**
 * Jobs, dummy documents and an H2 ledger database for the delivery tests.
 */
public final class DeliveryFixtures {

	public static final Recipients RECIPIENTS = new Recipients(List.of("ops@example.com"),
			List.of("lead@example.org"), List.of("audit@example.net"));

	private DeliveryFixtures() {
	}

	/** A job with the given name, the standard recipients, one owner and an archive folder. */
	public static JobDefinition job(String name, Path archiveDir, Integer keepWeeks) {
		return job(name, RECIPIENTS, List.of("owner@example.com"), archiveDir, keepWeeks);
	}

	public static JobDefinition job(String name, Recipients recipients, List<String> owners, Path archiveDir,
			Integer keepWeeks) {
		return new JobDefinition(name, ZoneId.of("Asia/Shanghai"), "0 0 9 ? * MON",
				new ApiSettings(Region.SINGAPORE, null, 1400000000L, "administrator", "PUSHLOSS_SECRET_KEY", false, 0),
				new Sources(true, List.of()), Period.ofDays(1), 4, recipients, owners,
				new ArchiveSettings(archiveDir, keepWeeks), null);
	}

	/** Dummy documents of a job and week below {@code reportsRoot}, with PDF and workbook of the given sizes. */
	public static ReportDocuments documents(Path reportsRoot, String jobName, String week, int pdfBytes,
			int excelBytes) {
		ReportDocuments documents = ReportDocuments.in(reportsRoot, jobName, week);
		try {
			Files.createDirectories(documents.directory());
			Files.writeString(documents.summaryJson(), "{\"schemaVersion\":1,\"week\":\"" + week + "\"}");
			Files.write(documents.pdf(), bytes("%PDF-1.7\n", pdfBytes, 1));
			Files.write(documents.excel(), bytes("PK\u0003\u0004", excelBytes, 2));
			BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
			Graphics2D graphics = image.createGraphics();
			graphics.setColor(Color.ORANGE);
			graphics.fillRect(0, 0, 30, 20);
			graphics.dispose();
			ImageIO.write(image, "png", documents.vendorChartPng().toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

	private static byte[] bytes(String header, int size, long seed) {
		byte[] bytes = new byte[Math.max(size, header.length())];
		new Random(seed).nextBytes(bytes);
		byte[] head = header.getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(head, 0, bytes, 0, head.length);
		return bytes;
	}

	/** A fresh in-memory H2 database migrated by Flyway (V1, V3, ...). */
	public static Database database() {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		io.pushloss.TestMigrations.migrateH2(dataSource);
		return new Database(dataSource, JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource));
	}

	public record Database(DataSource dataSource, JdbcClient jdbc, DataSourceTransactionManager transactionManager) {
	}

}
