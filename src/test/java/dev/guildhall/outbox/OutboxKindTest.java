package dev.guildhall.outbox;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.FileUpload;
import dev.guildhall.core.Message;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.PersonId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Each kind makes its one platform call and answers what its row keeps as the message ref. */
class OutboxKindTest {
    private static final PersonId BOB = new PersonId("slack:T1:U2");
    private static final ChannelId GENERAL = new ChannelId("slack:T1:C1");
    private static final Message HELLO = Message.text("hello");
    private static final FileUpload CHART = FileUpload.png("chart.png", "png".getBytes(StandardCharsets.UTF_8),
            "Chart", "a chart");

    private final ChatPort port = mock(ChatPort.class);

    @Test
    void aDirectMessageGoesToThePerson() throws Exception {
        when(port.sendDirect(BOB, HELLO)).thenReturn(new MessageRef("slack:D1:1.0"));

        assertThat(OutboxKind.DIRECT.deliver(port, BOB.value(), MessageJson.write(HELLO)))
                .isEqualTo(new MessageRef("slack:D1:1.0"));
    }

    @Test
    void aPostGoesToTheChannel() throws Exception {
        when(port.post(GENERAL, HELLO)).thenReturn(new MessageRef("slack:C1:2.0"));

        assertThat(OutboxKind.POST.deliver(port, GENERAL.value(), MessageJson.write(HELLO)))
                .isEqualTo(new MessageRef("slack:C1:2.0"));
    }

    @Test
    void anUpdateReplacesTheMessageAtItsAddressAndKeepsItsRef() throws Exception {
        MessageRef original = new MessageRef("slack:C1:2.0");

        assertThat(OutboxKind.UPDATE.deliver(port, original.value(), MessageJson.write(HELLO))).isEqualTo(original);
        verify(port).update(original, HELLO);
    }

    @Test
    void filesAreSharedWithThePersonOrInTheChannel() throws Exception {
        when(port.sendFileDirect(eq(BOB), any())).thenReturn(new MessageRef("slack:F1"));
        when(port.postFile(eq(GENERAL), any())).thenReturn(new MessageRef("slack:F2"));

        assertThat(OutboxKind.FILE_DIRECT.deliver(port, BOB.value(), MessageJson.writeFile(CHART)))
                .isEqualTo(new MessageRef("slack:F1"));
        assertThat(OutboxKind.FILE_POST.deliver(port, GENERAL.value(), MessageJson.writeFile(CHART)))
                .isEqualTo(new MessageRef("slack:F2"));
    }

    @Test
    void aCreatedChannelIsTheAnswer() throws Exception {
        when(port.createChannel("wg-vpc", List.of(BOB), Optional.of(GENERAL))).thenReturn(new ChannelId("slack:T1:C9"));

        assertThat(OutboxKind.CHANNEL.deliver(port, BOB.value(),
                ChannelRequest.of("wg-vpc", List.of(BOB), Optional.of(GENERAL)).json()))
                .isEqualTo(new MessageRef("slack:T1:C9"));
    }

    @Test
    void aChannelRequestWrittenBeforeChannelsHadANeighbourStillReads() throws Exception {
        when(port.createChannel("wg-vpc", List.of(BOB), Optional.empty())).thenReturn(new ChannelId("slack:T1:C9"));

        assertThat(OutboxKind.CHANNEL.deliver(port, BOB.value(),
                "{\"name\":\"wg-vpc\",\"invite\":[\"" + BOB.value() + "\"]}"))
                .isEqualTo(new MessageRef("slack:T1:C9"));
    }

    @Test
    void aGroupConversationStartsWithEveryoneInItAndItsFirstMessage() throws Exception {
        PersonId alice = new PersonId("slack:T1:U1");
        when(port.openGroupChat(List.of(BOB, alice), HELLO)).thenReturn(new MessageRef("slack:T1:G1:3.0"));

        assertThat(OutboxKind.GROUP_CHAT.deliver(port, BOB.value(),
                GroupChatRequest.of(List.of(BOB, alice), HELLO).json())).isEqualTo(new MessageRef("slack:T1:G1:3.0"));
        assertThat(OutboxKind.GROUP_CHAT.target(BOB.value()))
                .isEqualTo(new Pacer.Target("slack", "slack:T1", BOB.value(), "conversations"));
    }

    @Test
    void anArchivedChannelIsItsOwnAnswer() throws Exception {
        assertThat(OutboxKind.ARCHIVE.deliver(port, GENERAL.value(), "{}")).isEqualTo(new MessageRef(GENERAL.value()));
        verify(port).archiveChannel(GENERAL);
    }

    @Test
    void messagesAndFilesCountAsPostsInTheirWorkspaceAndChannel() {
        assertThat(OutboxKind.DIRECT.target("slack:T1:U2"))
                .isEqualTo(new Pacer.Target("slack", "slack:T1", "slack:T1:U2", "post"));
        assertThat(OutboxKind.FILE_POST.target("slack:T1:C1"))
                .isEqualTo(new Pacer.Target("slack", "slack:T1", "slack:T1:C1", "post"));
    }

    @Test
    void channelOperationsCountAsConversations() {
        assertThat(OutboxKind.ARCHIVE.target("slack:T1:C1"))
                .isEqualTo(new Pacer.Target("slack", "slack:T1", "slack:T1:C1", "conversations"));
    }

    @Test
    void anUpdateCountsOnItsPlatformBecauseItsRefNamesNoWorkspace() {
        assertThat(OutboxKind.UPDATE.target("slack:C1:2.0"))
                .isEqualTo(new Pacer.Target("slack", "slack", "slack:C1", "update"));
        assertThat(OutboxKind.UPDATE.addressNamesWorkspace()).isFalse();
        assertThat(OutboxKind.DIRECT.addressNamesWorkspace()).isTrue();
    }

    @Test
    void anAddressWithoutWorkspaceCountsOnItsPlatform() {
        assertThat(OutboxKind.POST.target("console:general"))
                .isEqualTo(new Pacer.Target("console", "console", "console:general", "post"));
    }
}
