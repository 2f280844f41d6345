package dev.guildhall.admin;

import dev.guildhall.core.PersonId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MentionedTest {
    private static final PersonId ANN = new PersonId("slack:T1:U0ANN");
    private static final PersonId TOMBSTONE = new PersonId("forgotten:0123456789abcdef");
    private final Mentioned ann = new Mentioned(ANN, TOMBSTONE, List.of(ANN.value()), List.of("ann"));

    @Test
    void theCoresMentionTokenOfThePersonBecomesSomeone() {
        // Given text whose mention of ann reached the core as a neutral token, beside a mention of someone else
        String text = "thanks \u27E6@slack:T1:U0ANN|Ann Lee\u27E7 and \u27E6@slack:T1:U0ANNA|annabel\u27E7!";

        // When ann is forgotten
        String scrubbed = ann.inText(text);

        // Then her token is gone, label and id alike, and the other person's token is untouched
        assertThat(scrubbed).isEqualTo("thanks @someone and \u27E6@slack:T1:U0ANNA|annabel\u27E7!");
    }

    @Test
    void aTokenInsideAJsonPayloadIsScrubbedAsAJsonValue() {
        String json = "{\"text\":\"ask \u27E6@slack:T1:U0ANN|ann\u27E7 about it\",\"buttons\":[]}";

        assertThat(ann.inJson(json)).hasValueSatisfying(scrubbed -> assertThat(scrubbed)
                .isEqualTo("{\"text\":\"ask @someone about it\",\"buttons\":[]}"));
    }

    @Test
    void onlyWholeMentionsChange() {
        assertThat(ann.inText("annotation, ANN, Ann's notes")).isEqualTo("annotation, ANN, Ann's notes");
        assertThat(ann.inText("ask @Ann. Or <@U0ANN|ann>.")).isEqualTo("ask @someone. Or @someone.");
        assertThat(ann.inText("@ann.lee and @annabel")).isEqualTo("@ann.lee and @annabel");
    }
}
