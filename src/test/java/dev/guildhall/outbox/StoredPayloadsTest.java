package dev.guildhall.outbox;

import dev.guildhall.core.FileUpload;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payloads as rows already in the outbox hold them, written before the one shared mapper: they still read, and what
 * is written now is the same bytes.
 */
class StoredPayloadsTest {
    private static final Message RICH = Message.text("🎉 *Kafka* — \"quoted\" <tag> & é").withField("When", "Tue 18:00")
            .withContext("ctx").withButton(Message.Button.primary("guild.rsvp:7", "Going"))
            .withButton(Message.Button.of("x:1", "Not"));
    private static final String STORED_MESSAGE = "{\"text\":\"🎉 *Kafka* — \\\"quoted\\\" <tag> & é\",\"fields\":"
            + "[{\"label\":\"When\",\"value\":\"Tue 18:00\"}],\"context\":\"ctx\",\"buttons\":[{\"actionId\":"
            + "\"guild.rsvp:7\",\"label\":\"Going\",\"style\":\"PRIMARY\"},{\"actionId\":\"x:1\",\"label\":\"Not\","
            + "\"style\":\"DEFAULT\"}]}";
    private static final String STORED_FILE = "{\"fileName\":\"c.png\",\"mediaType\":\"image/png\",\"content\":"
            + "\"AQID+g==\",\"title\":\"Chart\",\"summary\":\"sum\",\"image\":true}";
    private static final String STORED_CHANNEL = "{\"name\":\"wg-kafka\",\"invite\":[\"console:alice\","
            + "\"slack:T1:U2\"]}";

    @Test
    void aStoredMessageReadsAndIsWrittenAsTheSameBytes() {
        // Given a message row as stored before; When it is read; Then it is the message, and writing it gives the row
        assertThat(MessageJson.read(STORED_MESSAGE)).isEqualTo(RICH);
        assertThat(MessageJson.write(RICH)).isEqualTo(STORED_MESSAGE);
        String batch = "[" + STORED_MESSAGE + ",{\"text\":\"plain\",\"fields\":[],\"context\":null,\"buttons\":[]}]";
        assertThat(MessageJson.readAll(batch)).containsExactly(RICH, Message.text("plain"));
        assertThat(MessageJson.writeAll(List.of(RICH, Message.text("plain")))).isEqualTo(batch);
    }

    @Test
    void aStoredFileReadsAndIsWrittenAsTheSameBytes() {
        FileUpload file = MessageJson.readFile(STORED_FILE);
        assertThat(file.content()).containsExactly(1, 2, 3, 250);
        assertThat(file.fileName()).isEqualTo("c.png");
        assertThat(MessageJson.writeFile(file)).isEqualTo(STORED_FILE);
    }

    @Test
    void aStoredChannelRequestReadsAndIsWrittenAsTheSameBytes() {
        ChannelRequest request = ChannelRequest.read(STORED_CHANNEL);
        assertThat(request.people()).containsExactly(new PersonId("console:alice"), new PersonId("slack:T1:U2"));
        assertThat(request.json()).isEqualTo(STORED_CHANNEL);
    }
}
