package dev.guildhall.testing;

import dev.guildhall.console.ConsoleMentions;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.FileUpload;
import dev.guildhall.core.Message;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one chat tests use: it remembers everything the bot delivered, for assertions. It can also behave like a busy
 * platform ({@link #withFaults}): every n-th call refused as rate limited or timed out, or the process "killed" after
 * a number of sends. What it recorded can outlive it ({@link #nextProcess}), like messages that reached people
 * before a restart.
 */
public final class RecordingChatPort implements ChatPort {
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    /**
     * One delivery. {@code kind}: dm, post, group, update, ephemeral, file, archive. {@code target}: the id it went
     * to (a person's or channel's id; for an update, the updated message's ref; for a group, the people's ids joined by
     * commas). {@code addressee}: who reads it, {@code @name} for a person, {@code #name} for a channel — an update
     * keeps the addressee of the message it replaces.
     */
    public record Sent(String kind, String target, Message message, String ref, String addressee) {
        /** Recorded as a chat without mention markup shows it, like the console. */
        public Sent {
            message = ConsoleMentions.render(message);
        }

        /** The message's text, then each field as "label: value" on its own line. */
        public String text() {
            StringBuilder all = new StringBuilder(message.text());
            message.fields().forEach(f -> all.append('\n').append(f.label()).append(": ").append(f.value()));
            return all.toString();
        }

        public boolean mentions(String text) {
            return message.text().contains(text)
                    || message.fields().stream().anyMatch(f -> f.value().contains(text) || f.label().contains(text));
        }

        public boolean isUpdate() {
            return kind.equals("update");
        }
    }

    /** A file shared with a person or a channel. */
    public record SharedFile(String target, FileUpload file) {
    }

    /** How often a busy platform refuses: every n-th call (0: never); a process that dies after n sends (0: never). */
    public record Faults(int rateLimitEvery, int timeoutEvery, int dieAfterSends) {
        public static Faults rateLimitedEvery(int n) {
            return new Faults(n, 0, 0);
        }

        public Faults timingOutEvery(int n) {
            return new Faults(rateLimitEvery, n, dieAfterSends);
        }

        public Faults dyingAfterSends(int n) {
            return new Faults(rateLimitEvery, timeoutEvery, n);
        }
    }

    /** Thrown to simulate the process dying mid-call. */
    public static final class Killed extends Error {
        public Killed() {
            super("the process was killed");
        }
    }

    /** What reached people; shared by the ports of successive processes. */
    private static final class Recording {
        final List<Sent> sent = new ArrayList<>();
        final List<SharedFile> files = new ArrayList<>();
        final Map<String, AtomicInteger> directs = new ConcurrentHashMap<>();
        final Map<String, String> addresseeByRef = new ConcurrentHashMap<>();
        final AtomicInteger refs = new AtomicInteger();
        final AtomicInteger rateLimited = new AtomicInteger();
        final AtomicInteger timeouts = new AtomicInteger();
        final AtomicInteger callsDuringStop = new AtomicInteger();
        final Map<ChannelId, Integer> members = new ConcurrentHashMap<>();
    }

    private final String platform;
    private final Recording recording;
    private Clock clock = Clock.systemUTC();
    private Faults faults = new Faults(0, 0, 0);
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger sends = new AtomicInteger();
    private final Map<String, Instant> stoppedUntil = new ConcurrentHashMap<>();

    public RecordingChatPort() {
        this("console");
    }

    public RecordingChatPort(String platform) {
        this(platform, new Recording());
    }

    private RecordingChatPort(String platform, Recording recording) {
        this.platform = platform;
        this.recording = recording;
    }

    /**
     * Behaves like a busy platform, each Web API method limited on its own (as Slack does chat.postMessage and
     * chat.update): a refused call stops that method for {@link #RETRY_AFTER} of {@code clock}, and a call made
     * before then is counted in {@link #callsDuringStop()}.
     */
    public RecordingChatPort withFaults(Clock clock, Faults faults) {
        this.clock = clock;
        this.faults = faults;
        return this;
    }

    /** The port of the next process: what this one recorded stays, its call counters start again. */
    public RecordingChatPort nextProcess(Clock clock, Faults faults) {
        return new RecordingChatPort(platform, recording).withFaults(clock, faults);
    }

    public List<Sent> sent() {
        synchronized (recording) {
            return List.copyOf(recording.sent);
        }
    }

    /** What {@code who} received: {@code @name} or {@code #name} by addressee, anything else by target id. */
    public List<Sent> to(String who) {
        boolean byAddressee = who.startsWith("@") || who.startsWith("#");
        return sent().stream().filter(s -> who.equals(byAddressee ? s.addressee() : s.target())).toList();
    }

    /** The last message {@code who} received, failing with everything delivered when there is none. */
    public Sent lastTo(String who) {
        List<Sent> all = to(who);
        if (all.isEmpty()) {
            throw new AssertionError("nothing was delivered to " + who + "; delivered: " + sent());
        }
        return all.get(all.size() - 1);
    }

    /** How many messages {@code who} received that contain {@code textPart}. */
    public long count(String who, String textPart) {
        return to(who).stream().filter(s -> s.text().contains(textPart)).count();
    }

    /** A live-session presenter's board as it stands: the last version of the DMs that were a board. */
    public String board(String presenter) {
        return to(presenter).stream().filter(s -> s.message().text().contains("live board"))
                .reduce((first, second) -> second).map(Sent::text)
                .orElseThrow(() -> new AssertionError("no board for " + presenter));
    }

    public List<Sent> directTo(PersonId person) {
        return sent().stream().filter(s -> s.kind().equals("dm") && s.target().equals(person.value())).toList();
    }

    /** First messages of group conversations; a group's target is its people's ids joined by commas. */
    public List<Sent> groups() {
        return sent().stream().filter(s -> s.kind().equals("group")).toList();
    }

    public List<Sent> updates() {
        return sent().stream().filter(Sent::isUpdate).toList();
    }

    public List<Sent> posts() {
        return sent().stream().filter(s -> s.kind().equals("post")).toList();
    }

    public List<SharedFile> files() {
        synchronized (recording) {
            return List.copyOf(recording.files);
        }
    }

    /** How many DMs each person (by id) received, across processes. */
    public Map<String, Integer> directCounts() {
        Map<String, Integer> counts = new java.util.HashMap<>();
        recording.directs.forEach((who, count) -> counts.put(who, count.get()));
        return counts;
    }

    /** How many people received at least one DM; cheap enough to poll in a loop. */
    public int directRecipients() {
        return recording.directs.size();
    }

    public int rateLimited() {
        return recording.rateLimited.get();
    }

    public int timeouts() {
        return recording.timeouts.get();
    }

    /** Calls made to a method while the platform had asked to wait: a well-behaved sender makes none. */
    public int callsDuringStop() {
        return recording.callsDuringStop.get();
    }

    public void clear() {
        synchronized (recording) {
            recording.files.clear();
            recording.sent.clear();
            recording.directs.clear();
        }
    }

    @Override
    public MessageRef sendDirect(PersonId to, Message message) throws DeliveryException {
        call("chat.postMessage");
        recording.directs.computeIfAbsent(to.value(), k -> new AtomicInteger()).incrementAndGet();
        return record("dm", to.value(), message, "@" + to.localPart());
    }

    @Override
    public MessageRef post(ChannelId channel, Message message) throws DeliveryException {
        call("chat.postMessage");
        return record("post", channel.value(), message, "#" + channel.localPart());
    }

    @Override
    public MessageRef openGroupChat(List<PersonId> people, Message message) throws DeliveryException {
        call("conversations.open");
        String ids = String.join(",", people.stream().map(PersonId::value).toList());
        return record("group", ids, message, ids);
    }

    @Override
    public void postEphemeral(ChannelId channel, PersonId to, Message message) throws DeliveryException {
        call("chat.postEphemeral");
        add(new Sent("ephemeral", to.value(), message, null, "@" + to.localPart()));
    }

    @Override
    public void update(MessageRef ref, Message message) throws DeliveryException {
        call("chat.update");
        add(new Sent("update", ref.value(), message, ref.value(),
                recording.addresseeByRef.getOrDefault(ref.value(), ref.value())));
    }

    @Override
    public MessageRef sendFileDirect(PersonId to, FileUpload file) throws DeliveryException {
        call("files.upload");
        synchronized (recording) {
            recording.files.add(new SharedFile(to.value(), file));
        }
        return record("file", to.value(), Message.text(file.fileName()), "@" + to.localPart());
    }

    @Override
    public MessageRef postFile(ChannelId channel, FileUpload file) throws DeliveryException {
        call("files.upload");
        synchronized (recording) {
            recording.files.add(new SharedFile(channel.value(), file));
        }
        return ref();
    }

    @Override
    public ChannelId createChannel(String name, List<PersonId> invite) {
        return platform.equals("slack") ? ChannelId.of("slack", "T1", "C" + name) : ChannelId.of(platform, name);
    }

    @Override
    public void archiveChannel(ChannelId channel) {
        add(new Sent("archive", channel.value(), Message.text("(archived)"), null, "#" + channel.localPart()));
    }

    @Override
    public Optional<Person> lookup(PersonId id) {
        return Optional.empty();
    }

    /** Reports {@code count} members in this channel, as a platform would; any other channel's size is unknown. */
    public void members(ChannelId channel, int count) {
        recording.members.put(channel, count);
    }

    @Override
    public OptionalInt memberCount(ChannelId channel) {
        Integer count = recording.members.get(channel);
        return count == null ? OptionalInt.empty() : OptionalInt.of(count);
    }

    private MessageRef record(String kind, String target, Message message, String addressee) {
        sends.incrementAndGet();
        MessageRef ref = ref();
        recording.addresseeByRef.put(ref.value(), addressee);
        add(new Sent(kind, target, message, ref.value(), addressee));
        return ref;
    }

    private void add(Sent sent) {
        synchronized (recording) {
            recording.sent.add(sent);
        }
    }

    private MessageRef ref() {
        return new MessageRef(platform + ":m" + recording.refs.incrementAndGet());
    }

    private void call(String method) throws DeliveryException {
        Instant now = clock.instant();
        if (now.isBefore(stoppedUntil.getOrDefault(method, Instant.MIN))) {
            recording.callsDuringStop.incrementAndGet();
        }
        int call = calls.incrementAndGet();
        if (faults.rateLimitEvery() > 0 && call % faults.rateLimitEvery() == 0) {
            recording.rateLimited.incrementAndGet();
            stoppedUntil.put(method, now.plus(RETRY_AFTER));
            throw DeliveryException.rateLimited(RETRY_AFTER);
        }
        if (faults.timeoutEvery() > 0 && call % faults.timeoutEvery() == 0) {
            recording.timeouts.incrementAndGet();
            throw DeliveryException.transientFailure("read timed out", null);
        }
        if (faults.dieAfterSends() > 0 && sends.get() >= faults.dieAfterSends()) {
            throw new Killed();
        }
    }
}
