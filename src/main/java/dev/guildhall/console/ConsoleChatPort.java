package dev.guildhall.console;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.FileUpload;
import dev.guildhall.core.Message;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chat, simulated: messages are printed, channels exist once named. A message ref keeps who it went to
 * ({@code console:@alice:3f9a1c}) so an update printed by a later process still says where it belongs.
 */
final class ConsoleChatPort implements ChatPort {
    static final String PLATFORM = "console";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsoleOutput output;
    private final Path files;
    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

    ConsoleChatPort(ConsoleOutput output, Path files) {
        this.output = output;
        this.files = files;
    }

    static PersonId person(String name) {
        return PersonId.of(PLATFORM, name);
    }

    static ChannelId channel(String name) {
        return ChannelId.of(PLATFORM, name);
    }

    Person personNamed(String name) {
        return new Person(person(name), name, Optional.ofNullable(zones.get(name)));
    }

    void setZone(String name, ZoneId zone) {
        zones.put(name, zone);
    }

    @Override
    public MessageRef sendDirect(PersonId to, Message message) {
        MessageRef ref = newRef("@" + to.localPart());
        output.message(to.localPart(), null, message, false, ref.value(), null);
        return ref;
    }

    @Override
    public MessageRef post(ChannelId channel, Message message) {
        MessageRef ref = newRef("#" + channel.localPart());
        output.message(null, channel.localPart(), message, false, ref.value(), null);
        return ref;
    }

    @Override
    public void postEphemeral(ChannelId channel, PersonId to, Message message) {
        output.message(to.localPart(), channel.localPart(), message, true, null, null);
    }

    @Override
    public void update(MessageRef ref, Message message) throws DeliveryException {
        String[] parts = ref.value().split(":", 3);
        if (parts.length != 3 || parts[1].length() < 2) {
            throw DeliveryException.permanent("not a console message: " + ref.value());
        }
        String target = parts[1].substring(1);
        boolean direct = parts[1].charAt(0) == '@';
        output.message(direct ? target : null, direct ? null : target, message, false, ref.value(), ref.value());
    }

    /** The console has no group chats: the introduction is printed once, naming everyone in it. */
    @Override
    public MessageRef openGroupChat(List<PersonId> people, Message message) {
        List<String> names = people.stream().map(PersonId::localPart).toList();
        MessageRef ref = newRef("+" + String.join("+", names));
        output.group(names, message, ref.value());
        return ref;
    }

    @Override
    public ChannelId createChannel(String name, List<PersonId> invite) {
        ChannelId channel = channel(name);
        output.note("created #" + name + " with " + invite.stream().map(PersonId::localPart).toList());
        return channel;
    }

    @Override
    public void archiveChannel(ChannelId channel) {
        output.note("archived #" + channel.localPart());
    }

    @Override
    public Optional<Person> lookup(PersonId id) {
        return Optional.of(personNamed(id.localPart()));
    }

    /**
     * The console has no roster: anyone can type into any channel by naming themselves, so it cannot tell how many
     * are in one, and a session there keeps the default nudge threshold.
     */
    @Override
    public OptionalInt memberCount(ChannelId channel) {
        return OptionalInt.empty();
    }

    @Override
    public MessageRef sendFileDirect(PersonId to, FileUpload file) throws DeliveryException {
        MessageRef ref = newRef("@" + to.localPart());
        output.file(to.localPart(), null, file, write(file, ref), ref.value());
        return ref;
    }

    @Override
    public MessageRef postFile(ChannelId channel, FileUpload file) throws DeliveryException {
        MessageRef ref = newRef("#" + channel.localPart());
        output.file(null, channel.localPart(), file, write(file, ref), ref.value());
        return ref;
    }

    /** The file written for this ref (its name starts with the ref's random part) is deleted from disk. */
    @Override
    public void deleteFile(MessageRef file) throws DeliveryException {
        String prefix = file.value().substring(file.value().lastIndexOf(':') + 1) + "-";
        if (!Files.isDirectory(files)) {
            return;
        }
        try (var written = Files.list(files)) {
            for (Path path : written.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                Files.deleteIfExists(path);
                output.note("deleted " + path.getFileName());
            }
        } catch (IOException e) {
            throw DeliveryException.permanent("cannot delete " + file.value() + " from " + files + ": " + e.getMessage());
        }
    }

    /** A terminal cannot show a picture: the file goes to disk, under a name that never overwrites an earlier one. */
    private Path write(FileUpload file, MessageRef ref) throws DeliveryException {
        try {
            Files.createDirectories(files);
            String id = ref.value().substring(ref.value().lastIndexOf(':') + 1);
            Path path = files.resolve(id + "-" + file.fileName()).toAbsolutePath();
            Files.write(path, file.content());
            return path;
        } catch (IOException e) {
            throw DeliveryException.permanent("cannot write " + file.fileName() + " into " + files + ": " + e.getMessage());
        }
    }

    private static MessageRef newRef(String target) {
        return new MessageRef(PLATFORM + ":" + target + ":" + randomHex(4));
    }

    private static String randomHex(int bytes) {
        byte[] id = new byte[bytes];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
