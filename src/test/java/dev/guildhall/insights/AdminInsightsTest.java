package dev.guildhall.insights;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Admins;
import dev.guildhall.core.Message;
import dev.guildhall.core.Reply;
import dev.guildhall.guild.GuildCapability;
import dev.guildhall.store.UnitOfWork;
import dev.guildhall.testing.BotExtension;
import dev.guildhall.topic.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The org-wide view for GUILDHALL_ADMINS, as /guildhall insights will reach it. */
class AdminInsightsTest {
    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot();

    @Test
    void anAdminSeesEveryGuildsAndNobodyElseDoes() {
        // Given two guilds' worth of history, and learners in no guild at all
        t.say("alice", "/guild create data \"Data guild\"");
        t.say("dora", "/guild create web \"Web guild\"");
        t.say("alice", "/teach kafka");
        t.say("bob", "/learn kafka");
        t.advance(Duration.ofHours(1));
        t.press("alice", "mentorship.accept:1");
        t.say("gus", "/learn rust");
        t.say("hal", "/learn rust");
        t.say("ivy", "/learn css");
        t.advance(Duration.ofHours(2));
        t.chat.clear();
        AdminInsights admin = new InsightsCapability(Admins.parse("console:root"), Topics.load(Optional.empty()),
                GuildCapability.directory()).adminInsights();

        // When root, an admin, asks; and alice, a lead but no admin, asks
        Reply reply = t.bot().database().inTransaction(h -> admin.handle(request(t, "root", h, "")));

        // Then root sees all of it, with its charts on the way
        Message report = reply.messages().get(0);
        assertThat(report.text()).isEqualTo("📈 Insights — *Guildhall*");
        assertThat(field(report, "Unmet demand")).isEqualTo("rust: 2 waiting, no teacher, longest for 2 h\n"
                + "css: 1 waiting, no teacher, longest for 2 h");
        assertThat(field(report, "Time to match")).isEqualTo("median 1 h · p90 1 h (1 matched)");
        assertThat(field(report, "Broadcast reach")).startsWith("2 members · no announcements yet");
        assertThat(report.context()).startsWith("2 charts are on the way to your DMs");
        t.bot().runDue();
        assertThat(t.chat.files()).extracting(f -> f.target()).containsOnly("console:root");
        assertThatThrownBy(() -> t.bot().database().inTransaction(h -> admin.handle(request(t, "alice", h, ""))))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("Only Guildhall's admins");
        assertThatThrownBy(() -> t.bot().database().inTransaction(h -> admin.handle(request(t, "root", h, "x"))))
                .isInstanceOf(UsageException.class).hasMessage("Just /guildhall insights, with nothing after it.");
    }

    @Test
    void theWiredCapabilityReadsAdminsFromTheEnvironment() {
        Map<String, String> env = Map.of("GUILDHALL_ADMINS", "console:root");
        InsightsCapability insights = new InsightsCapability(dev.guildhall.app.Config.from(env).admins(),
                Topics.load(Optional.empty()), GuildCapability.directory());
        Reply reply = t.bot().database().inTransaction(h -> insights.adminInsights().handle(request(t, "root", h, "")));
        assertThat(field(reply.messages().get(0), "Unmet demand")).startsWith("none");
    }

    private static CommandRequest request(BotExtension t, String name, org.jdbi.v3.core.Handle handle, String words) {
        return new CommandRequest(t.person(name), Optional.empty(), Args.parse(words),
                new UnitOfWork(handle, t.clock.instant()));
    }

    private static String field(Message message, String label) {
        return message.fields().stream().filter(f -> f.label().equals(label)).findFirst().orElseThrow().value();
    }
}
