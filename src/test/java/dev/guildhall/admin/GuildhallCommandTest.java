package dev.guildhall.admin;

import dev.guildhall.command.CommandSpec;
import dev.guildhall.core.FileUpload;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Reply;
import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.RecordingChatPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /guildhall}: help from the router, about without secrets, admin export, and the subcommand hook. */
class GuildhallCommandTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot().withEnv(Map.of("GUILDHALL_ADMINS", "console:root, slack:T1:U1,teams:tenant:boss"));

    @BeforeEach
    void start() {
    }

    @Test
    void helpListsEveryCommandOfTheRouterOneLineEach() {
        String help = t.say("alice", "/guildhall help");

        for (CommandSpec spec : t.bot().router().commands()) {
            assertThat(help).contains("/" + spec.name() + " — " + spec.summary());
        }
        assertThat(help).contains("/guildhall forget-me", "/guildhall admin export");
        assertThat(t.say("alice", "/guildhall")).isEqualTo(help);
    }

    @Test
    void aboutShowsVersionAndSettingsButNoSecrets() {
        String about = t.say("alice", "/guildhall about");

        assertThat(about).contains("Guildhall", "Store: SQLite file", "Match answer deadline: 72h",
                "Admins: 3 listed in GUILDHALL_ADMINS", "Send pace: slack 1/1s per channel");
        assertThat(About.describeStore("jdbc:postgresql://guild:s3cret@db:5432/guildhall?password=s3cret"))
                .isEqualTo("jdbc:postgresql://db:5432/guildhall").doesNotContain("s3cret");
    }

    @Test
    void adminCommandsAreRefusedToOthersAndChangeNothing() {
        String reply = t.say("mallory", "/guildhall admin export");

        assertThat(reply).contains("Only Guildhall admins can do that", "console:mallory");
        assertThat(t.chat.files()).isEmpty();
        assertThat(t.say("mallory", "/guildhall admin forget @alice")).contains("Only Guildhall admins");
    }

    @Test
    void exportSendsEveryTableAsJsonAndACsvPerTable() throws Exception {
        // Given some data
        t.say("alice", "/teach kubernetes");
        t.say("bob", "/learn kubernetes");

        // When an admin exports
        String reply = t.say("root", "/guildhall admin export");

        // Then two files reach them: the JSON and a zip of one CSV per table
        assertThat(reply).contains("Exporting", "tables");
        List<FileUpload> files = t.chat.files().stream().map(RecordingChatPort.SharedFile::file).toList();
        assertThat(files).hasSize(2);
        String json = new String(files.get(0).content(), StandardCharsets.UTF_8);
        assertThat(files.get(0).fileName()).endsWith(".json");
        assertThat(json).contains("\"mentorship_match\"", "\"teaching_offer\"", "console:alice", "kubernetes");
        List<String> entries = new ArrayList<>();
        String matches = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(files.get(1).content()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.add(entry.getName());
                String csv = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                if (entry.getName().equals("mentorship_match.csv")) {
                    matches = csv;
                }
            }
        }
        assertThat(entries).contains("person.csv", "ticket.csv", "mentorship_match.csv", "outbox.csv",
                "guild_member.csv", "teams_person.csv").doesNotContain("flyway_schema_history.csv");
        assertThat(matches).startsWith("id,ticket_id,learner_id,teacher_id,topic,status")
                .contains("console:bob,console:alice,kubernetes,PROPOSED");
    }

    @Test
    void teamsAdminsAreToldWhereToExportInstead() {
        BotExtension teams = t;
        Reply reply = teams.bot().handle(Inbound.of(new dev.guildhall.core.Command(dev.guildhall.core.Person.of(
                dev.guildhall.core.PersonId.of("teams", "tenant", "boss"), "Boss"), java.util.Optional.empty(),
                "guildhall", "admin export"))).reply();

        assertThat(reply.messages().get(0).text()).contains("Teams can't take files from a bot",
                "java -jar guildhall.jar export");
        assertThat(t.chat.files()).isEmpty();
    }

    @Test
    void otherCapabilitiesAddSubcommandsThroughTheRegistry() {
        // Given a capability that contributes /guildhall ping (as insights adds /guildhall insights)
        dev.guildhall.command.CommandRouter router = new dev.guildhall.command.CommandRouter();
        new GuildhallCapability(dev.guildhall.core.Admins.none(), "x.db", java.time.Duration.ofDays(3), "none",
                java.util.Optional.empty(), dev.guildhall.http.DownloadLinks.none()).register(router);
        router.subcommand("guildhall", new CommandSpec("ping", "Answers pong", "/guildhall ping [word]",
                request -> Reply.of("pong " + request.args().restFrom(0))));

        // When people use it
        try (var db = dev.guildhall.store.Database.open(dir.resolve("hook.db").toString())) {
            var work = new dev.guildhall.store.UnitOfWork(db.jdbi().open(), BotExtension.START);
            String pong = router.route(new dev.guildhall.core.Command(t.person("alice"), java.util.Optional.empty(),
                    "guildhall", "ping hello"), work).messages().get(0).text();
            String help = router.route(new dev.guildhall.core.Command(t.person("alice"), java.util.Optional.empty(),
                    "guildhall", "help"), work).messages().get(0).text();
            String own = router.route(new dev.guildhall.core.Command(t.person("alice"), java.util.Optional.empty(),
                    "guildhall", "ping help"), work).messages().get(0).text();
            work.handle().close();

            // Then it runs with the words after its name, and /guildhall help lists it
            assertThat(pong).isEqualTo("pong hello");
            assertThat(help).contains("/guildhall ping — Answers pong");
            assertThat(own).isEqualTo("/guildhall ping [word]");
        }
    }
}
