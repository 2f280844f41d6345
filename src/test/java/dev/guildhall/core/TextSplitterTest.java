package dev.guildhall.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

    @Test
    void keepsTheCoresMentionTokenWholeEvenWhereItsLabelHasSpaces() {
        // Given a token whose label has a space where a split would otherwise prefer to break
        String token = "\u27E6@slack:T1:U1|Bob Smith\u27E7";
        TextSplitter splitter = new TextSplitter(30, String::length, Mentions.ANY_TOKEN);

        // When the text is split
        List<String> pieces = splitter.split("hello there " + token + " and more");

        // Then the token stands whole in one piece
        assertThat(pieces).anySatisfy(piece -> assertThat(piece).contains(token));
        assertThat(String.join("", pieces)).isEqualTo("hello there " + token + " and more");
    }

    @Test
    void piecesFitAndPutBackTogetherAreTheText() {
        // Given many texts made of words, spaces, newlines, entities-to-be, emoji and mentions, and many limits
        Random random = new Random(20261201);
        for (int run = 0; run < 500; run++) {
            String text = randomText(random);
            int limit = 12 + random.nextInt(69);
            TextSplitter splitter = new TextSplitter(limit, TextSplitterTest::escapedLengthKeepingLinks, LINK);

            // When it is split
            List<String> pieces = splitter.split(text);

            // Then nothing is lost, every piece fits, and no cut falls inside a character or a mention
            String sample = "text " + text.replace("\n", "\\n") + ", limit " + limit;
            assertThat(String.join("", pieces)).as(sample).isEqualTo(text);
            assertThat(pieces).as(sample).allSatisfy(piece -> assertThat(escapedLengthKeepingLinks(piece))
                    .isLessThanOrEqualTo(limit));
            assertThat(graphemeBoundaries(text)).as(sample).containsAll(boundaries(pieces));
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                int start = link.start();
                int end = link.end();
                assertThat(boundaries(pieces)).as(sample).noneMatch(at -> at > start && at < end);
            }
        }
    }

    private static String randomText(Random random) {
        List<String> parts = List.of("a", "word", " ", "\n", "\n\n", "&", "<", ">", "&amp;", "👩‍👩‍👧‍👦", "🇩🇪",
                "e\u0301", "𝄞", "<@U0BOB>", "long-unbroken-token-of-text");
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(200);
        for (int i = 0; i < length; i++) {
            text.append(parts.get(random.nextInt(parts.size())));
        }
        return text.toString();
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
