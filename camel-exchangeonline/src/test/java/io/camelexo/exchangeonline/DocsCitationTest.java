package io.camelexo.exchangeonline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the project's comments and documents self-contained: every source, README and docs file of the whole tree cites
 * facts in its own words or points into docs/admin-api.md by a section that exists, never at documents outside the
 * repository (lettered sections of a wire-protocol write-up, one-letter confidence tags in square brackets, architecture
 * sections, notes files). The patterns are written so that this file does not match them itself.
 */
class DocsCitationTest {

    private static final Set<String> SCANNED_EXTENSIONS = Set.of("java", "md", "properties", "xml", "yml", "yaml", "json", "adoc", "sql");

    /** What a citation of a document outside the repository looks like. */
    private static final List<Pattern> OUTSIDE_CITATIONS = List.of(
            Pattern.compile("\\breference [a-j](\\.[0-9]|[),;:]|\\s*$)"),
            Pattern.compile("\\bthe reference[']s\\b"),
            Pattern.compile("\\[[LMH]\\]"),
            Pattern.compile("\\barchitecture\\s*(§|[0-9]+\\.[0-9])", Pattern.CASE_INSENSITIVE),
            Pattern.compile("§\\s?[0-9]+\\.[0-9]"),
            Pattern.compile("(exo-admin-api|architecture|camel-conventions|exo-feeds)\\.md"),
            Pattern.compile("msal4j[-]testing"),
            Pattern.compile("/work[/]shared"));

    /** The sections comments point at: {@code docs/admin-api.md, "Paging"} (several may follow, comma-separated). */
    private static final Pattern SECTION_POINTER = Pattern.compile("admin-api\\.md,((?:\\s*\"[^\"]+\",?)+)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private static final Path ROOT = repositoryRoot();

    @Test
    void noFileCitesADocumentOutsideTheRepository() {
        List<String> citations = new ArrayList<>();
        for (Path file : scannedFiles()) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                for (Pattern pattern : OUTSIDE_CITATIONS) {
                    if (pattern.matcher(line).find()) {
                        citations.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                        break;
                    }
                }
            }
        }
        assertThat(citations)
                .as("state the fact in your own words, or point to docs/admin-api.md by section: docs/admin-api.md, \"Paging\"")
                .isEmpty();
    }

    @Test
    void everyPointerIntoTheAdminApiDocumentNamesOneOfItsSections() throws IOException {
        Set<String> sections = Files.readAllLines(ROOT.resolve("docs/admin-api.md"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("## "))
                .map(line -> line.substring(3).strip())
                .collect(Collectors.toSet());
        assertThat(sections).contains("Hosts and clouds", "Sign-in: authorities and scopes", "The InvokeCommand call",
                "Get-EXO* entity routes", "Paging", "Errors", "Retries and throttling", "Security & Compliance redirect",
                "SecureString and PSCredential parameters", "$batch", "Confidence levels");

        List<String> dangling = new ArrayList<>();
        for (Path file : scannedFiles()) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher pointer = SECTION_POINTER.matcher(lines.get(i).replace("&amp;", "&"));
                while (pointer.find()) {
                    Matcher name = QUOTED.matcher(pointer.group(1));
                    while (name.find()) {
                        if (!sections.contains(name.group(1))) {
                            dangling.add(ROOT.relativize(file) + ":" + (i + 1) + ": \"" + name.group(1) + "\"");
                        }
                    }
                }
            }
        }
        assertThat(dangling).as("sections of docs/admin-api.md are %s", sections).isEmpty();
    }

    /** Sources and documents of every module; build output and hidden directories (.git, .mvn) are not entered. */
    private static List<Path> scannedFiles() {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName().toString();
                    boolean skipped = !dir.equals(ROOT) && (name.equals("target") || name.equals("node_modules") || name.startsWith("."));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (SCANNED_EXTENSIONS.contains(extension(file))) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException binary) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory above this module that holds the Maven wrapper and docs/. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (mvnw and docs/) above " + Path.of("").toAbsolutePath());
    }
}
