package io.camelexo.exchangeonline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.Test;

/**
 * Keeps the project's comments and documents self-contained: every source, README and docs file of the whole tree cites
 * facts in its own words or points into docs/admin-api.md by a section that exists, never at documents outside the
 * repository (lettered sections of a wire-protocol write-up, one-letter confidence tags in square brackets, architecture
 * sections, notes files). The patterns are written so that this file does not match them itself.
 */
class DocsCitationTest {

    private static final Set<String> SCANNED_EXTENSIONS =
            Set.of("java", "md", "properties", "xml", "yml", "yaml", "json", "adoc", "sql");

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
    private static final Pattern COMMENT_MARKER = Pattern.compile("^\\s*(\\*|//|#)?");

    /**
     * Code names in backticks in docs/admin-api.md: {@code Class.member} (member a method, field or constant) and bare
     * names that end like the project's classes (ExoXxxException, ...Policy, ...Reader and so on); service-side names such
     * as {@code ServerBusyException} or {@code Exchange.ManageAsApp} do not match.
     */
    private static final Pattern CODE_MEMBER = Pattern.compile("`([A-Z][A-Za-z]+)\\.([a-z][A-Za-z]*|[A-Z][A-Z_]+)`");

    private static final Pattern CODE_CLASS = Pattern.compile(
            "`(Exo[A-Za-z]*Exception|[A-Z][A-Za-z]*(?:Policy|Reader|Encoder|Translator|Routes|Client|Source|Challenge|Limit|Location"
                    + "|Settings|Session|Endpoint|Environment|Configuration|Component|Credential|SecureString))`");

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
                .as(
                        "state the fact in your own words, or point to docs/admin-api.md by section: docs/admin-api.md, \"Paging\"")
                .isEmpty();
    }

    @Test
    void everyPointerIntoTheAdminApiDocumentNamesOneOfItsSections() throws IOException {
        Set<String> sections = Files.readAllLines(ROOT.resolve("docs/admin-api.md"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("## "))
                .map(line -> line.substring(3).strip())
                .collect(Collectors.toSet());
        assertThat(sections)
                .contains(
                        "Hosts and clouds",
                        "Sign-in: authorities and scopes",
                        "The InvokeCommand call",
                        "Get-EXO* entity routes",
                        "Paging",
                        "Errors",
                        "Retries and throttling",
                        "Security & Compliance redirect",
                        "SecureString and PSCredential parameters",
                        "$batch",
                        "Confidence levels");

        List<String> dangling = new ArrayList<>();
        for (Path file : scannedFiles()) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                // a pointer, even a section name, may go on in the next comment line: docs/admin-api.md,\n * "Paging"
                String line = lines.get(i).replace("&amp;", "&");
                String next = i + 1 < lines.size()
                        ? COMMENT_MARKER
                                .matcher(lines.get(i + 1))
                                .replaceFirst("")
                                .replace("&amp;", "&")
                        : "";
                Matcher pointer = SECTION_POINTER.matcher(line + " " + next);
                while (pointer.find() && pointer.start() < line.length()) {
                    Matcher name = QUOTED.matcher(pointer.group(1));
                    while (name.find()) {
                        String section = name.group(1).replaceAll("\\s+", " ");
                        if (!sections.contains(section)) {
                            dangling.add(ROOT.relativize(file) + ":" + (i + 1) + ": \"" + section + "\"");
                        }
                    }
                }
            }
        }
        assertThat(dangling)
                .as("sections of docs/admin-api.md are %s", sections)
                .isEmpty();
    }

    @Test
    void everyCodeNameInTheAdminApiDocumentExistsInTheSources() throws IOException {
        String document = Files.readString(ROOT.resolve("docs/admin-api.md"), StandardCharsets.UTF_8);
        List<Path> sources = scannedFiles().stream()
                .filter(file -> extension(file).equals("java"))
                .toList();
        List<String> missing = new ArrayList<>();
        Matcher member = CODE_MEMBER.matcher(document);
        while (member.find()) {
            String source = classSource(sources, member.group(1));
            if (source == null
                    || !Pattern.compile("\\b" + member.group(2) + "\\b")
                            .matcher(source)
                            .find()) {
                missing.add(member.group());
            }
        }
        Matcher type = CODE_CLASS.matcher(document);
        while (type.find()) {
            if (classSource(sources, type.group(1)) == null) {
                missing.add(type.group());
            }
        }
        assertThat(missing)
                .as("code names in docs/admin-api.md that no source declares")
                .isEmpty();
    }

    /** The text of the source file that declares the class, or null. */
    private static String classSource(List<Path> sources, String className) {
        return sources.stream()
                .filter(file -> file.getFileName().toString().equals(className + ".java"))
                .findFirst()
                .map(file -> String.join("\n", lines(file)))
                .orElse(null);
    }

    /** Sources and documents of every module; build output and hidden directories (.git, .mvn) are not entered. */
    private static List<Path> scannedFiles() {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName().toString();
                    boolean skipped = !dir.equals(ROOT)
                            && (name.equals("target") || name.equals("node_modules") || name.startsWith("."));
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
        throw new IllegalStateException(
                "No repository root (mvnw and docs/) above " + Path.of("").toAbsolutePath());
    }
}
