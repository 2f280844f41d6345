package dev.guildhall.workinggroup;

import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.console.ConsoleMentions;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.Command;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Message;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.testing.RecordingChatPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform that cannot create channels (Teams without Microsoft Graph refuses exactly like this): the owner is
 * told why, nothing is kept, and the same group can then be created on a channel that exists.
 */
class ChannelRefusedTest {
    private static final String REFUSAL = "Guildhall cannot create or archive Teams channels without Microsoft Graph";

    @TempDir
    Path dir;
    final RecordingChatPort chat = new RecordingChatPort("console");
    Guildhall bot;

    /** Delivers like the recording chat, but refuses to create channels. */
    private final ChatPort refusing = new ChatPort() {
        @Override
        public MessageRef sendDirect(PersonId to, Message message) throws DeliveryException {
            return chat.sendDirect(to, message);
        }

        @Override
        public MessageRef post(ChannelId channel, Message message) throws DeliveryException {
            return chat.post(channel, message);
        }

        @Override
        public void postEphemeral(ChannelId channel, PersonId to, Message message) throws DeliveryException {
            chat.postEphemeral(channel, to, message);
        }

        @Override
        public void update(MessageRef ref, Message message) throws DeliveryException {
            chat.update(ref, message);
        }

        @Override
        public ChannelId createChannel(String name, List<PersonId> invite) throws DeliveryException {
            throw DeliveryException.permanent(REFUSAL);
        }

        @Override
        public void archiveChannel(ChannelId channel) throws DeliveryException {
            throw DeliveryException.permanent("cannot archive");
        }

        @Override
        public Optional<Person> lookup(PersonId id) {
            return Optional.empty();
        }
    };

    @BeforeEach
    void start() {
        Config config = Config.from(Map.of(Config.DB, dir.resolve("guildhall.db").toString()));
        bot = Wiring.guildhall(config, AdjustableClock.fixedAt(Instant.parse("2026-03-02T09:00:00Z")),
                Map.of("console", refusing));
        say(Optional.empty(), "guild", "create platform \"Platform guild\"");
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private String say(Optional<String> channel, String command, String text) {
        Person alice = new Person(PersonId.of("console", "alice"), "alice", Optional.empty());
        String reply = ConsoleMentions.render(bot.handle(Inbound.of(new Command(alice,
                channel.map(c -> ChannelId.of("console", c)), command, text))).reply().messages().get(0)).text();
        bot.runDue();
        return reply;
    }

    private long count(String sql) {
        return bot.database().read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void theOwnerHearsWhyAndNothingIsKeptThenALinkedChannelWorks() {
        assertThat(say(Optional.empty(), "wg", "create vpc --guild platform \"VPC\"")).contains("Setting up");

        RecordingChatPort.Sent told = chat.directTo(PersonId.of("console", "alice")).get(0);
        assertThat(told.message().text()).contains("couldn't create a channel").contains(REFUSAL);
        assertThat(told.message().context()).contains("--channel here");
        assertThat(count("SELECT COUNT(*) FROM working_group")).isZero();
        assertThat(count("SELECT COUNT(*) FROM wg_member")).isZero();

        assertThat(say(Optional.of("vpc-team"), "wg", "create vpc --guild platform \"VPC\" --channel here"))
                .contains("It talks in #vpc-team");
        assertThat(count("SELECT COUNT(*) FROM working_group WHERE status = 'ACTIVE'")).isEqualTo(1);
    }
}
