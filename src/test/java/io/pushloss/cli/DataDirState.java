package io.pushloss.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import io.pushloss.domain.DataDirectoryProperties;
import io.pushloss.store.EmbeddedDatabase;

/**
 * Reads what a command left in a data directory, once no process uses it: rows of the H2 database, the files
 * below a folder, the text of a PDF.
 */
final class DataDirState {

	private DataDirState() {
	}

	/** The rows a query returns, each as its columns joined by {@code |}. */
	static List<String> rows(Path dataDir, String sql) {
		String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("pushloss")
				+ ";IFEXISTS=TRUE;AUTO_SERVER=TRUE";
		String password = EmbeddedDatabase.password(new DataDirectoryProperties(dataDir));
		try (Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.USER, password);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			List<String> rows = new ArrayList<>();
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= columns; i++) {
					row.append((i > 1) ? "|" : "").append(result.getString(i));
				}
				rows.add(row.toString());
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read " + dataDir + ": " + ex.getMessage(), ex);
		}
	}

	/** Every file below a folder (hidden ones included), as sorted relative paths; empty when it does not exist. */
	static List<String> files(Path root) {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(Files::isRegularFile).map((path) -> root.relativize(path).toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text of a PDF, page after page. */
	static String pdfText(Path pdf) {
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			return new PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
