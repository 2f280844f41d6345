package dev.guildhall.workinggroup;

import dev.guildhall.core.ActionPress;
import dev.guildhall.core.Inbound;
import dev.guildhall.testing.BotExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Splitting a full working group: the owner's button starts a second group with the same charter, the first on the
 * waitlist move into it once its channel exists, and it runs the same check-in. Whole bot, recording chat.
 */
class SplitTest {
    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot();

    private String splitButton;

    @BeforeEach
    void aFullGroupWithACheckInAndThreeWaiting() {
        t.zone("alice", "Europe/Berlin").zone("dave", "Asia/Tokyo");
        t.sayIn("alice", "platform", "/guild create platform \"Platform guild\" here");
        t.say("alice", "/wg create vpc --guild platform \"VPC peering for everyone\" --size 2");
        for (String name : List.of("bob", "carol", "dave", "erin", "frank")) {
            t.say(name, "/guild join platform");
            t.say(name, "/wg join vpc");
        }
        t.say("alice", "/wg checkin vpc \"What did you try?\" every friday 10:00");
        assertThat(members("vpc")).isEqualTo(Map.of("alice", "MEMBER", "bob", "MEMBER", "carol", "MEMBER",
                "dave", "WAITING", "erin", "WAITING", "frank", "WAITING"));
        splitButton = t.chat.directTo(BotExtension.id("alice")).stream()
                .flatMap(s -> s.message().buttons().stream()).map(b -> b.actionId())
                .filter(id -> id.startsWith(WgButtons.SPLIT + ":")).findFirst().orElseThrow();
    }

    private Map<String, String> members(String slug) {
        return t.database().read(h -> h.createQuery("""
                        SELECT p.display_name AS name, m.state FROM wg_member m JOIN person p ON p.id = m.person_id
                        JOIN working_group w ON w.id = m.group_id WHERE w.slug = :slug AND w.status <> 'CLOSED'""")
                .bind("slug", slug)
                .reduceRows(new TreeMap<String, String>(), (all, row) -> {
                    all.put(row.getColumn("name", String.class), row.getColumn("state", String.class));
                    return all;
                }));
    }

    private List<String> checkins(String slug) {
        return t.database().read(h -> h.createQuery("""
                        SELECT c.question || ' ' || c.rule FROM wg_checkin c JOIN working_group w ON w.id = c.group_id
                        WHERE w.slug = :slug AND c.stopped_at IS NULL""")
                .bind("slug", slug).mapTo(String.class).list());
    }

    private List<String> asked(String slug) {
        return t.database().read(h -> h.createQuery("""
                        SELECT p.display_name FROM wg_checkin_ask a JOIN wg_checkin_round r ON r.id = a.round_id
                        JOIN wg_checkin c ON c.id = r.checkin_id JOIN working_group w ON w.id = c.group_id
                        JOIN person p ON p.id = a.person_id
                        WHERE w.slug = :slug AND c.stopped_at IS NULL ORDER BY p.display_name""")
                .bind("slug", slug).mapTo(String.class).list());
    }

    @Test
    void theSplitTakesTheFirstWaitingInheritsTheCheckInAndLosesNobody() {
        // When the owner splits
        assertThat(t.press("alice", splitButton)).contains("Splitting *vpc*").contains("*vpc-2*")
                .contains("move the 2 first");

        // Then the first two waiting moved into vpc-2 with the owner, the third still waits for vpc, vpc is unchanged
        assertThat(members("vpc-2")).isEqualTo(Map.of("alice", "MEMBER", "dave", "MEMBER", "erin", "MEMBER"));
        assertThat(members("vpc")).isEqualTo(Map.of("alice", "MEMBER", "bob", "MEMBER", "carol", "MEMBER",
                "frank", "WAITING"));
        assertThat(t.chat.directTo(BotExtension.id("dave"))).anyMatch(s -> s.mentions("you're in!"));
        assertThat(t.chat.directTo(BotExtension.id("frank"))).noneMatch(s -> s.mentions("you're in!"));
        // and vpc-2 runs the same check-in, asking its own members; vpc's goes on as it was
        String sameCheckin = "What did you try? FREQ=WEEKLY;BYDAY=FR;BYHOUR=10;BYMINUTE=0";
        assertThat(checkins("vpc-2")).containsExactly(sameCheckin);
        assertThat(checkins("vpc")).containsExactly(sameCheckin);
        assertThat(asked("vpc-2")).containsExactly("alice", "dave", "erin");
        assertThat(asked("vpc")).containsExactly("alice", "bob", "carol");
    }

    @Test
    void onlyTheOwnerSplitsOnceWhileNobodyWaitingMeansNothingToSplit() {
        // A member can't split
        assertThat(t.press("bob", splitButton)).contains("Only the owner of *vpc* (alice) can split it.");
        assertThat(members("vpc-2")).isEmpty();

        // The owner splits (nothing run after it, so vpc-2 still waits for its channel); a second press is refused
        t.bot().handle(Inbound.of(new ActionPress(t.person("alice"), Optional.empty(), splitButton, "")));
        assertThat(t.press("alice", splitButton)).contains("Already on it: *vpc-2* is being set up.");

        // Once it is ready, frank waits alone; when he leaves the waitlist there is nothing left to split
        assertThat(members("vpc")).containsEntry("frank", "WAITING");
        t.say("frank", "/wg leave vpc");
        assertThat(t.press("alice", splitButton)).contains("Nobody is waiting for *vpc* any more");
        assertThat(members("vpc-3")).isEmpty();
    }

    @Test
    void aSplitWithoutACheckInStartsNone() {
        t.say("alice", "/wg checkin vpc off");
        t.press("alice", splitButton);
        assertThat(members("vpc-2")).containsOnlyKeys("alice", "dave", "erin");
        assertThat(checkins("vpc-2")).isEmpty();
    }
}
