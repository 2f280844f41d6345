package dev.guildhall.livesession;

import dev.guildhall.core.PersonId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionKeysTest {
    private static final PersonId BOB = PersonId.of("console", "bob");
    private static final PersonId CAROL = PersonId.of("console", "carol");

    private final SessionKeys keys = new SessionKeys();

    @Test
    void theSamePersonGetsTheSameTokenUnderOneKey() {
        SessionKeys.Generation key = keys.create(1, 1);
        assertThat(key.token("flag", BOB)).isEqualTo(key.token("flag", BOB));
        assertThat(keys.current(1, 1).orElseThrow().token("flag", BOB)).isEqualTo(key.token("flag", BOB));
    }

    @Test
    void differentPeopleGetDifferentTokens() {
        SessionKeys.Generation key = keys.create(1, 1);
        assertThat(key.token("flag", BOB)).isNotEqualTo(key.token("flag", CAROL));
    }

    @Test
    void tokensForDifferentPurposesCannotBeLinked() {
        SessionKeys.Generation key = keys.create(1, 1);
        assertThat(key.token("flag", BOB)).isNotEqualTo(key.token("vote:1", BOB))
                .isNotEqualTo(key.token("vote:2", BOB));
        assertThat(key.token("vote:1", BOB)).isNotEqualTo(key.token("vote:2", BOB));
    }

    @Test
    void purposeAndPersonCannotBeShiftedIntoEachOther() {
        SessionKeys.Generation key = keys.create(1, 1);
        assertThat(key.token("vote:1", PersonId.of("console", "bob")))
                .isNotEqualTo(key.token("vote:", PersonId.of("1console", "bob")));
    }

    @Test
    void anotherSessionOrANewKeyGivesUnrelatedTokens() {
        String first = keys.create(1, 1).token("flag", BOB);
        String otherSession = keys.create(2, 1).token("flag", BOB);
        String nextGeneration = keys.create(1, 2).token("flag", BOB);
        assertThat(first).isNotEqualTo(otherSession).isNotEqualTo(nextGeneration);
    }

    @Test
    void aTokenIsHexAndNeverContainsThePerson() {
        String token = keys.create(1, 1).token("flag", BOB);
        assertThat(token).matches("[0-9a-f]{32}").doesNotContain("bob");
    }

    @Test
    void aDiscardedKeyIsGoneForGood() {
        keys.create(1, 1);
        keys.discard(1);
        assertThat(keys.current(1, 1)).isEmpty();
        assertThat(keys.holds(1)).isFalse();
    }

    @Test
    void aKeyOfAnotherGenerationIsNotTheCurrentOne() {
        keys.create(1, 2);
        assertThat(keys.current(1, 1)).isEmpty();
        assertThat(keys.current(1, 2)).isPresent();
        assertThat(new SessionKeys().current(1, 2)).as("a new process holds no keys").isEmpty();
    }
}
