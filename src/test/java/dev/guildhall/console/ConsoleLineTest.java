package dev.guildhall.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleLineTest {
    @Test
    void aPersonTypesACommandInADmOrAChannel() {
        ConsoleLine dm = ConsoleLine.parse("@alice /teach kubernetes --capacity 3");
        assertThat(dm.kind()).isEqualTo(ConsoleLine.Kind.COMMAND);
        assertThat(dm.person()).isEqualTo("alice");
        assertThat(dm.channel()).isEmpty();
        assertThat(dm.commandName()).isEqualTo("teach");
        assertThat(dm.commandText()).isEqualTo("kubernetes --capacity 3");

        ConsoleLine inChannel = ConsoleLine.parse("  @bob #vpc /learn  ");
        assertThat(inChannel.channel()).contains("vpc");
        assertThat(inChannel.commandName()).isEqualTo("learn");
        assertThat(inChannel.commandText()).isEmpty();
    }

    @Test
    void pressesTimeZonesAndTheClock() {
        assertThat(ConsoleLine.parse("@bob !press mentorship.accept:1").body()).isEqualTo("mentorship.accept:1");
        assertThat(ConsoleLine.parse("@bob !tz Europe/Berlin").kind()).isEqualTo(ConsoleLine.Kind.TIME_ZONE);
        ConsoleLine advance = ConsoleLine.parse("!advance 25h");
        assertThat(advance.kind()).isEqualTo(ConsoleLine.Kind.ADVANCE);
        assertThat(advance.body()).isEqualTo("25h");
    }

    @Test
    void blankLinesAndCommentsAreSkipped() {
        assertThat(ConsoleLine.parse("").kind()).isEqualTo(ConsoleLine.Kind.SKIP);
        assertThat(ConsoleLine.parse("# alice teaches").kind()).isEqualTo(ConsoleLine.Kind.SKIP);
    }

    @Test
    void aLineWithoutASpeakerSaysHowToWriteOne() {
        assertThatThrownBy(() -> ConsoleLine.parse("/teach kubernetes")).hasMessageContaining("@alice /teach kubernetes");
        assertThatThrownBy(() -> ConsoleLine.parse("@alice hello")).hasMessageContaining("After @alice comes a /command");
    }
}
