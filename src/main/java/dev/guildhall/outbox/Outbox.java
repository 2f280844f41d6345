package dev.guildhall.outbox;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.FileUpload;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.UnitOfWork;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Messages to anyone but the caller. Each one is a row written in the caller's transaction, so it exists exactly
 * when the effect that caused it does; the {@link OutboxDispatcher} delivers it after the commit.
 */
public final class Outbox {
    private final UnitOfWork work;

    public Outbox(UnitOfWork work) {
        this.work = work;
    }

    /** @return the outbox id, which a later {@link #update} can name to replace this message in place */
    public long sendDirect(PersonId to, Message message) {
        return insert(work.handle(), work.now(), OutboxKind.DIRECT, to.value(), null, null, message);
    }

    public long post(ChannelId channel, Message message) {
        return insert(work.handle(), work.now(), OutboxKind.POST, channel.value(), null, null, message);
    }

    /**
     * Replaces the message of an earlier outbox row, once that one is delivered. Older updates of the same message
     * still waiting are dropped: only the newest text matters.
     */
    public long update(long originalId, Message message) {
        return replace(work.handle(), work.now(), originalId, message);
    }

    /**
     * Creates a channel after the commit, like a message: slow platform calls never hold a transaction or keep a
     * person waiting for their reply. When the platform has answered (or given up), a task of kind
     * {@code followUpTask} about {@code subject} falls due; it reads the answer with {@link #channelOutcome}.
     *
     * @return the outbox id to read the outcome by
     */
    public long createChannel(String name, List<PersonId> invite, String followUpTask, long subject) {
        return createChannel(name, invite, Optional.empty(), followUpTask, subject);
    }

    /** A channel created next to {@code beside} (see {@link dev.guildhall.core.ChatPort#createChannel}). */
    public long createChannel(String name, List<PersonId> invite, Optional<ChannelId> beside, String followUpTask,
                              long subject) {
        if (invite.isEmpty()) {
            throw new IllegalArgumentException("a new channel needs at least one person to invite");
        }
        long id = insert(work.handle(), work.now(), OutboxKind.CHANNEL, invite.get(0).value(), null, null,
                ChannelRequest.of(name, invite, beside).json());
        followUp(id, followUpTask, subject);
        return id;
    }

    /**
     * Starts a conversation of these people after the commit, with {@code message} as its first message (see
     * {@link dev.guildhall.core.ChatPort#openGroupChat}); all of them must be on one platform.
     */
    public long openGroupChat(List<PersonId> people, Message message) {
        if (people.size() < 2 || people.stream().map(PersonId::platform).distinct().count() != 1) {
            throw new IllegalArgumentException("a group conversation needs two or more people on one platform");
        }
        return insert(work.handle(), work.now(), OutboxKind.GROUP_CHAT, people.get(0).value(), null, null,
                GroupChatRequest.of(people, message).json());
    }

    /** Archives a channel after the commit; {@code followUpTask} falls due once the platform has answered. */
    public long archiveChannel(ChannelId channel, String followUpTask, long subject) {
        long id = insert(work.handle(), work.now(), OutboxKind.ARCHIVE, channel.value(), null, null, "{}");
        followUp(id, followUpTask, subject);
        return id;
    }

    /**
     * Asks the platform after the commit how many are in a channel; {@code followUpTask} about {@code subject} falls
     * due once it has answered and reads the answer with {@link #memberCount(long)}.
     *
     * @return the outbox id to read the answer by
     */
    public long askMemberCount(ChannelId channel, String followUpTask, long subject) {
        long id = insert(work.handle(), work.now(), OutboxKind.MEMBER_COUNT, channel.value(), null, null, "{}");
        followUp(id, followUpTask, subject);
        return id;
    }

    /** The platform's member count asked for by {@link #askMemberCount}: empty while asked, or when it could not tell. */
    public OptionalInt memberCount(long outboxId) {
        Optional<String> answer = work.handle().createQuery(
                        "SELECT COALESCE(message_ref, '') FROM outbox WHERE id = :id AND status = 'DELIVERED'")
                .bind("id", outboxId).mapTo(String.class).findOne();
        return answer.filter(count -> count.matches("[0-9]{1,9}"))
                .map(count -> OptionalInt.of(Integer.parseInt(count))).orElse(OptionalInt.empty());
    }

    private void followUp(long id, String task, long subject) {
        work.handle().createUpdate("UPDATE outbox SET follow_up_task = :task, follow_up_subject = :subject WHERE id = :id")
                .bind("task", task).bind("subject", subject).bind("id", id).execute();
    }

    /** What became of a channel operation: still under way, done (with the channel), or failed (with why). */
    public record ChannelOutcome(OutboxStatus status, Optional<ChannelId> channel, Optional<String> error) {
        public boolean done() {
            return status == OutboxStatus.DELIVERED;
        }

        public boolean failed() {
            return status == OutboxStatus.FAILED;
        }
    }

    public ChannelOutcome channelOutcome(long outboxId) {
        return work.handle().createQuery("SELECT status, message_ref, last_error FROM outbox WHERE id = :id")
                .bind("id", outboxId)
                .map((rs, ctx) -> new ChannelOutcome(OutboxStatus.valueOf(rs.getString("status")),
                        Optional.ofNullable(rs.getString("message_ref")).filter(ref -> !ref.isEmpty())
                                .map(ChannelId::new),
                        Optional.ofNullable(rs.getString("last_error"))))
                .one();
    }

    /**
     * Starts a batch: many deliveries that belong together (an announcement's DMs), counted in a progress message to
     * {@code progressTo} that the dispatcher refreshes in place as they are delivered.
     *
     * @param label what the progress message calls the batch, like "Announcement to *Kubernetes guild*"
     */
    public Batch batch(String label, PersonId progressTo, int expected) {
        long progressId = sendDirect(progressTo, Message.text(BatchProgress.initialText(label, expected)));
        long batchId = work.handle().createQuery("""
                        INSERT INTO outbox_batch (label, progress_id, total, created_at)
                        VALUES (:label, :progress, 0, :now) RETURNING id""")
                .bind("label", label).bind("progress", progressId).bind("now", work.now())
                .mapTo(Long.class).one();
        return new Batch(batchId);
    }

    /** Deliveries of one batch; each recipient at most once (the database refuses a second row). */
    public final class Batch {
        private final long id;
        private int size;

        private Batch(long id) {
            this.id = id;
        }

        public long id() {
            return id;
        }

        public void sendDirect(PersonId to, Message message) {
            insert(work.handle(), work.now(), OutboxKind.DIRECT, to.value(), null, id, message);
            size++;
        }

        /** Records how many deliveries the batch holds; call it after the last one. */
        public int seal() {
            work.handle().createUpdate("UPDATE outbox_batch SET total = :total WHERE id = :id")
                    .bind("total", size).bind("id", id).execute();
            return size;
        }
    }

    static long replace(Handle handle, Instant now, long originalId, Message message) {
        handle.createUpdate("UPDATE outbox SET status = 'SUPERSEDED' WHERE updates_id = :original AND status = 'PENDING'")
                .bind("original", originalId).execute();
        return insert(handle, now, OutboxKind.UPDATE, null, originalId, null, message);
    }

    /** Shares a file with a person (a chart, an export); its bytes rest in the row until delivered. */
    public long sendFileDirect(PersonId to, FileUpload file) {
        return insert(work.handle(), work.now(), OutboxKind.FILE_DIRECT, to.value(), null, null, MessageJson.writeFile(file));
    }

    /**
     * Deletes, after the commit, a file an earlier row shared ({@code fileRef}: what sharing it returned). It is paced
     * in the conversation the ref names (the ref without its last part), which is never a person's id.
     */
    public long deleteFile(String fileRef) {
        String conversation = fileRef.substring(0, Math.max(0, fileRef.lastIndexOf(':')));
        return insert(work.handle(), work.now(), OutboxKind.DELETE_FILE, conversation, null, null,
                MessageJson.writeFileRef(fileRef));
    }

    public long postFile(ChannelId channel, FileUpload file) {
        return insert(work.handle(), work.now(), OutboxKind.FILE_POST, channel.value(), null, null, MessageJson.writeFile(file));
    }

    private static long insert(Handle handle, Instant now, OutboxKind kind, String recipient, Long updatesId, Long batchId,
                               Message message) {
        return insert(handle, now, kind, recipient, updatesId, batchId, MessageJson.write(message));
    }

    private static long insert(Handle handle, Instant now, OutboxKind kind, String recipient, Long updatesId, Long batchId,
                               String payload) {
        return handle.createQuery("""
                        INSERT INTO outbox (kind, recipient, updates_id, batch_id, payload, status, next_attempt_at,
                                            created_at)
                        VALUES (:kind, :recipient, :updatesId, :batchId, :payload, :status, :now, :now)
                        RETURNING id""")
                .bind("kind", kind.name())
                .bind("status", OutboxStatus.PENDING.name())
                .bind("recipient", recipient)
                .bindByType("updatesId", updatesId, Long.class)
                .bindByType("batchId", batchId, Long.class)
                .bind("payload", payload)
                .bind("now", now)
                .mapTo(Long.class)
                .one();
    }
}
