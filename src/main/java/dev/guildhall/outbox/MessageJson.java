package dev.guildhall.outbox;

import dev.guildhall.core.FileUpload;
import dev.guildhall.core.Json;
import dev.guildhall.core.Message;

import java.util.List;

/** The neutral message (or a shared file, its bytes in base64) as it rests in the outbox. */
public final class MessageJson {
    private MessageJson() {
    }

    public static String write(Message message) {
        return Json.write(message);
    }

    public static String writeAll(List<Message> messages) {
        return Json.write(messages);
    }

    public static List<Message> readAll(String json) {
        return List.of(Json.read(json, Message[].class));
    }

    public static String writeFile(FileUpload file) {
        return Json.write(file);
    }

    public static FileUpload readFile(String json) {
        return Json.read(json, FileUpload.class);
    }

    private record FileRef(String file) {
    }

    static String writeFileRef(String ref) {
        return Json.write(new FileRef(ref));
    }

    static String readFileRef(String json) {
        return Json.read(json, FileRef.class).file();
    }

    public static Message read(String json) {
        return Json.read(json, Message.class);
    }
}
