package dev.guildhall.command;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgsTest {
    @Test
    void quotesGroupWordsIncludingTheCurlyQuotesChatClientsSubstitute() {
        assertThat(Tokenizer.tokenize("\"machine learning\" basics")).extracting(Token::value)
                .containsExactly("machine learning", "basics");
        assertThat(Tokenizer.tokenize("“machine learning” ‘deep dive’")).extracting(Token::value)
                .containsExactly("machine learning", "deep dive");
        assertThat(Tokenizer.tokenize("'it works'  too")).extracting(Token::value).containsExactly("it works", "too");
    }

    @Test
    void anUnclosedQuoteIsAUsageError() {
        assertThatThrownBy(() -> Tokenizer.tokenize("\"machine learning"))
                .isInstanceOf(UsageException.class).hasMessageContaining("quote is not closed");
    }

    @Test
    void restFromKeepsTheTextAsTyped() {
        Args args = Args.parse("kafka   understand  \"exactly once\" semantics");
        assertThat(args.restFrom(1)).isEqualTo("understand  \"exactly once\" semantics");
        assertThat(args.restFrom(9)).isEmpty();
    }

    @Test
    void optionsAreTakenOutInBothForms() {
        Args args = Args.parse("kubernetes --capacity 3").withOptions(Set.of("capacity"), "usage");
        assertThat(args.size()).isEqualTo(1);
        assertThat(args.intOption("capacity", 1, 20)).contains(3);
        assertThat(Args.parse("--capacity=4 go").withOptions(Set.of("capacity"), "usage").intOption("capacity", 1, 20))
                .contains(4);
    }

    @Test
    void anUnknownOptionOrAMissingValueIsAUsageError() {
        assertThatThrownBy(() -> Args.parse("go --colour red").withOptions(Set.of("capacity"), "Try /teach go."))
                .isInstanceOf(UsageException.class).hasMessage("I don't know the option --colour. Try /teach go.");
        assertThatThrownBy(() -> Args.parse("go --capacity").withOptions(Set.of("capacity"), "u"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--capacity needs a value");
    }

    @Test
    void aNumberOutOfBoundsSaysWhatIsAllowed() {
        Args args = Args.parse("x --capacity -3").withOptions(Set.of("capacity"), "u");
        assertThatThrownBy(() -> args.intOption("capacity", 1, 20))
                .isInstanceOf(UsageException.class).hasMessageContaining("whole number from 1 to 20");
    }

    @Test
    void aQuotedDoubleDashIsAWordNotAnOption() {
        Args args = Args.parse("\"--capacity\"").withOptions(Set.of(), "u");
        assertThat(args.get(0)).isEqualTo("--capacity");
        assertThat(args.isQuoted(0)).isTrue();
    }
}
