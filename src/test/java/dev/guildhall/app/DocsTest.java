package dev.guildhall.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The README stays a short front page that leads to every docs/ page, and no link in the docs leads nowhere. */
class DocsTest {
    private static final Path README = Path.of("README.md");
    private static final Path DOCS = Path.of("docs");
    /** {@code [label](target)}, the target without spaces; images ({@code ![…](…)}) are links too. */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+?) *$");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    @Test
    void theReadmeIsUnderEightKilobytes() throws IOException {
        assertThat(Files.size(README)).as("README.md's size in bytes; the rest belongs in docs/").isLessThan(8_000);
    }

    @Test
    void theReadmeLinksEveryDocsPage() throws IOException {
        Set<Path> linked = new HashSet<>();
        for (String target : links(README)) {
            if (isRelative(target)) {
                linked.add(README.resolveSibling(withoutAnchor(target)).normalize());
            }
        }
        assertThat(markdownPages()).as("every docs/*.md page").isNotEmpty()
                .allSatisfy(page -> assertThat(linked).as("the README links " + page).contains(page));
    }

    @Test
    void everyRelativeLinkInTheReadmeAndDocsResolvesToAFileAndHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> documents = new ArrayList<>(markdownPages());
        documents.add(README);
        for (Path document : documents) {
            for (String target : links(document)) {
                if (!isRelative(target)) {
                    continue;
                }
                Path file = target.startsWith("#") ? document
                        : document.resolveSibling(withoutAnchor(target)).normalize();
                if (!Files.exists(file)) {
                    broken.add(document + " → " + target + " (no such file)");
                } else if (target.contains("#") && file.toString().endsWith(".md")
                        && !anchors(file).contains(target.substring(target.indexOf('#') + 1))) {
                    broken.add(document + " → " + target + " (no such heading in " + file + ")");
                }
            }
        }
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    @Test
    void theAnchorsFollowGitHubsHeadingIds() {
        assertThat(anchor("`/session` and `/wait`: live sessions, \"WAIT — I don't get this yet\", anonymously"))
                .isEqualTo("session-and-wait-live-sessions-wait--i-dont-get-this-yet-anonymously");
        assertThat(anchor("Several replicas (PostgreSQL)")).isEqualTo("several-replicas-postgresql");
    }

    private static List<Path> markdownPages() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            return files.filter(file -> file.toString().endsWith(".md")).map(Path::normalize).sorted().toList();
        }
    }

    /** The link targets written in a document, leaving out code (where brackets are code, not links). */
    private static List<String> links(Path document) throws IOException {
        String text = INLINE_CODE.matcher(FENCE.matcher(Files.readString(document)).replaceAll("")).replaceAll("");
        List<String> targets = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            targets.add(matcher.group(1));
        }
        return targets;
    }

    private static Set<String> anchors(Path document) throws IOException {
        String text = FENCE.matcher(Files.readString(document)).replaceAll("");
        Set<String> anchors = new HashSet<>();
        Matcher matcher = HEADING.matcher(text);
        while (matcher.find()) {
            anchors.add(anchor(matcher.group(1)));
        }
        return anchors;
    }

    /** GitHub's id for a heading: lower case, punctuation dropped, each space a hyphen. */
    private static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static boolean isRelative(String target) {
        return !target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    }

    private static String withoutAnchor(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? target : target.substring(0, hash);
    }
}
