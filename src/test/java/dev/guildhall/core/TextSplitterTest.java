package dev.guildhall.core;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TextSplitterTest {
    private static final Pattern LINK = Pattern.compile("<@U[A-Z0-9]+>");

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static int escapedLength(String text) {
        return escaped(text).length();
    }

    /** Like Slack's escaping: mention tokens are sent as they are. */
    private static int escapedLengthKeepingLinks(String text) {
        Matcher link = LINK.matcher(text);
        int size = 0;
        int from = 0;
        while (link.find()) {
            size += escapedLength(text.substring(from, link.start())) + link.group().length();
            from = link.end();
        }
        return size + escapedLength(text.substring(from));
    }

    @Test
    void aTextThatFitsIsOnePiece() {
        assertThat(TextSplitter.ofLength(10).split("short")).containsExactly("short");
        assertThat(TextSplitter.ofLength(10).split("")).containsExactly("");
    }

    @Test
    void prefersAParagraphThenALineThenASpace() {
        // Given a limit the whole text exceeds, with a paragraph break, a line break and spaces in reach
        TextSplitter splitter = TextSplitter.ofLength(20);

        // Then each piece ends at the best boundary within the limit
        assertThat(splitter.split("first para\n\nline one\nline two words here"))
                .containsExactly("first para\n\n", "line one\n", "line two words here");
        assertThat(splitter.split("one line\nanother line that is long"))
                .containsExactly("one line\n", "another line that ", "is long");
        assertThat(splitter.split("words and words and words"))
                .containsExactly("words and words and ", "words");
    }

    @Test
    void measuresEscapedSizeSoEscapingAfterwardsStaysInTheLimit() {
        // Given a text whose entities make it five times longer once escaped
        String text = "&<>".repeat(400);
        TextSplitter splitter = new TextSplitter(100, TextSplitterTest::escapedLength, null);

        // When it is split, then escaped piece by piece
        List<String> pieces = splitter.split(text);

        // Then every escaped piece is within the limit, holds only whole entities, and nothing is lost
        assertThat(String.join("", pieces)).isEqualTo(text);
        for (String piece : pieces) {
            String sent = escaped(piece);
            assertThat(sent.length()).isLessThanOrEqualTo(100);
            assertThat(sent).matches("(&amp;|&lt;|&gt;)*");
        }
        // and each piece is filled up to the last entity that fits (13 escaped characters per "&<>")
        assertThat(pieces).hasSizeLessThanOrEqualTo(13 * 400 / (100 - 4) + 1);
    }

    @Test
    void neverCutsAnEmojiASurrogatePairOrAnAccent() {
        // Given a word of characters people see as one: a family emoji (11 units), a flag, a skin tone, é
        String family = "👩‍👩‍👧‍👦";
        String word = (family + "🇩🇪" + "👍🏽" + "e\u0301" + "𝄞").repeat(20);

        for (int limit = 11; limit < 40; limit++) {
            List<String> pieces = TextSplitter.ofLength(limit).split(word);

            assertThat(String.join("", pieces)).isEqualTo(word);
            for (String piece : pieces) {
                assertThat(piece.length()).isLessThanOrEqualTo(limit);
                assertThat(Character.isLowSurrogate(piece.charAt(0))).isFalse();
                assertThat(Character.isHighSurrogate(piece.charAt(piece.length() - 1))).isFalse();
                assertThat(piece).doesNotStartWith("\u200D").doesNotStartWith("\u0301").doesNotStartWith("🏽");
            }
        }
    }

    @Test
    void aWordLongerThanTheLimitIsCutInsideOnlyWhereItMust() {
        List<String> pieces = TextSplitter.ofLength(10).split("hi " + "x".repeat(25) + " bye");

        assertThat(pieces).containsExactly("hi ", "x".repeat(10), "x".repeat(10), "xxxxx bye");
    }

    @Test
    void keepsAMentionTokenWhole() {
        TextSplitter splitter = new TextSplitter(13, String::length, LINK);

        List<String> pieces = splitter.split("abcdefghij<@U0BOBBY>xyz");

        assertThat(pieces).containsExactly("abcdefghij", "<@U0BOBBY>xyz");
    }

    @Property(tries = 300)
    void piecesFitAndPutBackTogetherAreTheText(@ForAll("texts") String text, @ForAll @IntRange(min = 12, max = 80) int limit) {
        TextSplitter splitter = new TextSplitter(limit, TextSplitterTest::escapedLengthKeepingLinks, LINK);

        List<String> pieces = splitter.split(text);

        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(pieces).allSatisfy(piece -> assertThat(escapedLengthKeepingLinks(piece))
                .isLessThanOrEqualTo(limit));
        assertThat(boundaries(pieces)).allSatisfy(at -> assertThat(graphemeBoundaries(text)).contains(at));
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            int start = link.start();
            int end = link.end();
            assertThat(boundaries(pieces)).noneMatch(at -> at > start && at < end);
        }
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> parts = Arbitraries.of("a", "word", " ", "\n", "\n\n", "&", "<", ">", "&amp;", "👩‍👩‍👧‍👦",
                "🇩🇪", "e\u0301", "𝄞", "<@U0BOB>", "long-unbroken-token-of-text");
        return parts.list().ofMaxSize(200).map(list -> String.join("", list));
    }

    private static List<Integer> boundaries(List<String> pieces) {
        List<Integer> at = new ArrayList<>();
        int position = 0;
        for (String piece : pieces) {
            position += piece.length();
            at.add(position);
        }
        return at;
    }

    private static List<Integer> graphemeBoundaries(String text) {
        List<Integer> at = new ArrayList<>(List.of(0));
        Matcher character = Pattern.compile("\\X").matcher(text);
        while (character.find()) {
            at.add(character.end());
        }
        return at;
    }
}
