package dev.guildhall.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.core.FileUpload;
import dev.guildhall.core.Message;

import java.io.UncheckedIOException;
import java.util.List;

/** The neutral message (or a shared file, its bytes in base64) as it rests in the outbox. */
public final class MessageJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private MessageJson() {
    }

    public static String write(Message message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String writeAll(List<Message> messages) {
        try {
            return MAPPER.writeValueAsString(messages);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Message> readAll(String json) {
        try {
            return List.of(MAPPER.readValue(json, Message[].class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String writeFile(FileUpload file) {
        try {
            return MAPPER.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FileUpload readFile(String json) {
        try {
            return MAPPER.readValue(json, FileUpload.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record FileRef(String file) {
    }

    static String writeFileRef(String ref) {
        try {
            return MAPPER.writeValueAsString(new FileRef(ref));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readFileRef(String json) {
        try {
            return MAPPER.readValue(json, FileRef.class).file();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Message read(String json) {
        try {
            return MAPPER.readValue(json, Message.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
