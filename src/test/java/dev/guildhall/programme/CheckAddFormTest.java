package dev.guildhall.programme;

import dev.guildhall.command.Args;
import dev.guildhall.command.FormRejected;
import dev.guildhall.command.FormValues;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.guild.api.Syllabus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The /check add form's values become the command's own words: one wrong answer per line, each quoted. */
class CheckAddFormTest {
    private final Person alice = Person.of(new PersonId("console:alice"), "Alice");
    private final Syllabus syllabus = mock(Syllabus.class);

    private CheckAddForm formOwning(Syllabus.Module... modules) {
        when(syllabus.ownedBy(any(), any())).thenReturn(List.of(modules));
        return new CheckAddForm(syllabus);
    }

    private static Syllabus.Module module(long id, String guild, String name) {
        return new Syllabus.Module(id, id, guild, name, name.toLowerCase(), List.of());
    }

    @Test
    void eachLineOfTheWrongAnswersIsOneQuotedWord() {
        // Given alice owns Pods in k8s
        CheckAddForm form = formOwning(module(1, "k8s", "Pods"));

        // When the wrong answers come one per line, with a blank line and an apostrophe
        String words = form.commandText(new FormValues(Map.of("module", "Pods", "question", "What is a pod?",
                "right", "Containers together", "wrong", "A VM\n\n  It's an image  \r\netcd", "explain",
                "See \"Pods\"")), alice, null);

        // Then they read back as the typed command's words
        Args args = Args.parse(words).withOptions(java.util.Set.of("explain", "guild"), "usage");
        assertThat(java.util.stream.IntStream.range(0, args.size()).mapToObj(args::get)).containsExactly("Pods", "What is a pod?", "Containers together", "A VM",
                "It's an image", "etcd");
        assertThat(args.option("explain")).contains("See \"Pods\"");
        assertThat(args.option("guild")).contains("k8s");
    }

    @Test
    void moreThanFiveWrongAnswersAreRefusedOnTheirField() {
        CheckAddForm form = formOwning(module(1, "k8s", "Pods"));

        assertThatThrownBy(() -> form.commandText(new FormValues(Map.of("module", "Pods", "question", "Q",
                "right", "R", "wrong", "a\nb\nc\nd\ne\nf")), alice, null))
                .isInstanceOfSatisfying(FormRejected.class, e -> assertThat(e.problems()).containsKey("wrong"));
    }

    @Test
    void twoOwnedModulesOfOneNameAreToldApartByTheirGuild() {
        CheckAddForm form = formOwning(module(1, "k8s", "Pods"), module(2, "ops", "Pods"));

        assertThat(form.form(alice, null).field("module").orElseThrow().choices())
                .extracting(c -> c.value()).containsExactly("Pods (k8s)", "Pods (ops)");
        assertThat(form.commandText(new FormValues(Map.of("module", "Pods (ops)", "question", "Q", "right", "R",
                "wrong", "W")), alice, null)).endsWith("--guild ops");
    }
}
