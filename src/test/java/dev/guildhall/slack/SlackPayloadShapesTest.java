package dev.guildhall.slack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slash-command bodies in the shapes Slack sends them (samples written for this project, modelled on Slack's
 * documentation): percent-encoded or not, with or without api_app_id, Enterprise Grid and org-wide installs.
 */
class SlackPayloadShapesTest {
    @TempDir
    Path dir;
    SlackRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = SlackRig.start(dir);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private String learnerOfTicket() {
        return rig.text("SELECT learner_id FROM ticket");
    }

    private String replyText(SlackRig.Answer answer) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return FakeSlack.JSON.readTree(answer.body()).get("text").asText();
    }

    @Test
    void aBodyThatIsNotPercentEncodedRoutes() throws Exception {
        // As in Slack's own documentation sample: slashes and colons left as they are, spaces as %20
        String body = "token=gh0TestToken&team_id=T0DOCS&team_domain=example&enterprise_id=E0DOCS"
                + "&enterprise_name=Example%20Corp&channel_id=C0DOCS01&channel_name=test&user_id=U0DOCS01"
                + "&user_name=steve&command=/learn&text=kubernetes%20deploy%20a%20service"
                + "&response_url=https://hooks.slack.com/commands/1234/5678"
                + "&trigger_id=1334.7384.8088aa&api_app_id=A0DOCS";

        String reply = replyText(rig.signed(body, "application/x-www-form-urlencoded"));

        assertThat(reply).contains("Ticket #1").contains("*kubernetes*");
        assertThat(learnerOfTicket()).isEqualTo("slack:E0DOCS:U0DOCS01");
        assertThat(rig.text("SELECT goal FROM ticket"))
                .isEqualTo("deploy a service");
    }

    @Test
    void aFullyPercentEncodedBodyWithoutApiAppIdRoutes() throws Exception {
        // As older apps and some SDK samples send it: no api_app_id, no enterprise fields, spaces as +
        String body = "token=legacy&team_id=T0PLAIN&team_domain=workspace&channel_id=C0PLAIN1&channel_name=dev"
                + "&user_id=U0PLAIN1&user_name=sam&command=%2Fteach&text=%22machine+learning%22+--capacity+3"
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0PLAIN%2F1%2Fabc"
                + "&trigger_id=123.456.abc";

        String reply = replyText(rig.signed(body, "application/x-www-form-urlencoded"));

        assertThat(reply).contains("You now teach *machine learning*, up to 3 learners");
        assertThat(rig.text("SELECT teacher_id FROM teaching_offer")).isEqualTo("slack:T0PLAIN:U0PLAIN1");
    }

    @Test
    void anEmptyTextInAPrivateChannelGetsTheUsage() throws Exception {
        // As in Slack's request-signing example: text= present but empty, a private channel (G…); /session has no
        // form of its own (only /session start has), so the usage comes back
        String body = "token=xyz&team_id=T0SIGN&team_domain=team&channel_id=G0PRIVATE&channel_name=secret-stuff"
                + "&user_id=U0SIGN01&user_name=roadrunner&command=%2Fsession&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0SIGN%2F1%2Fx&trigger_id=398.474.803a";

        assertThat(replyText(rig.signed(body, "application/x-www-form-urlencoded")))
                .contains("What would you like to do?");
    }

    @Test
    void enterpriseGridUsersAreOnePersonAcrossTheOrgsWorkspaces() throws Exception {
        // Given a Grid user (W…) opens a ticket from one workspace of the org
        String fromFirst = "token=x&team_id=T0WS0001&team_domain=ws-one&channel_id=C0GRID01&channel_name=general"
                + "&user_id=W0GRID01&user_name=primary-owner&command=%2Flearn&text=rust&api_app_id=A0GRID"
                + "&enterprise_id=E0GRID&enterprise_name=Sandbox+Org"
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0WS0001%2F1%2Fx&trigger_id=111.222.aaa";
        replyText(rig.signed(fromFirst, "application/x-www-form-urlencoded"));

        // When the same user lists their tickets from another workspace of the org
        String fromSecond = fromFirst.replace("T0WS0001", "T0WS0002").replace("text=rust", "text=list")
                .replace("111.222.aaa", "111.222.bbb");
        String list = replyText(rig.signed(fromSecond, "application/x-www-form-urlencoded"));

        // Then it is the same person, qualified by the org
        assertThat(learnerOfTicket()).isEqualTo("slack:E0GRID:W0GRID01");
        assertThat(rig.count("SELECT COUNT(*) FROM person")).isEqualTo(1);
        assertThat(FakeSlack.JSON.readTree(rig.signed(fromSecond.replace("111.222.bbb", "111.222.ccc"),
                "application/x-www-form-urlencoded").body()).toString()).contains("rust");
        assertThat(list).isNotEmpty();
    }

    @Test
    void anOrgWideInstallRoutes() throws Exception {
        // An app installed at the org level: is_enterprise_install=true
        String body = "token=x&team_id=T0WS0003&team_domain=ws-three&channel_id=C0ORG001&channel_name=dev"
                + "&user_id=W0ORG001&user_name=owner&command=%2Fteach&text=kafka&api_app_id=A0ORG"
                + "&is_enterprise_install=true&enterprise_id=E0ORG&enterprise_name=Sandbox+Org"
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0WS0003%2F1%2Fx&trigger_id=111.333.ccc";

        assertThat(replyText(rig.signed(body, "application/x-www-form-urlencoded"))).contains("You now teach *kafka*");
        assertThat(rig.text("SELECT teacher_id FROM teaching_offer")).isEqualTo("slack:E0ORG:W0ORG001");
    }

    @Test
    void aSlashCommandInADirectMessageHasNoChannel() throws Exception {
        // channel_name=directmessage, a D… id: the core is told it is a private conversation
        String body = "token=x&team_id=T0DM&team_domain=dm&channel_id=D0DM0001&channel_name=directmessage"
                + "&user_id=U0DM0001&user_name=dee&command=%2Flearn&text=board"
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0DM%2F1%2Fx&trigger_id=1.2.3";

        assertThat(replyText(rig.signed(body, "application/x-www-form-urlencoded"))).contains("Nobody is waiting");
    }
}
