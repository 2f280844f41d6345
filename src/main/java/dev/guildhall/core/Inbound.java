package dev.guildhall.core;

import java.util.Objects;
import java.util.Optional;

/**
 * What a person did on a platform, lifted out of it: a command typed, a button pressed or a form sent, by whom and where, with the
 * platform's id for this delivery when the platform may deliver it again (Slack's trigger_id), so a retry is answered
 * from the first time instead of done twice. Adapters build one and hand it to the bot's single entry point.
 */
public sealed interface Inbound permits Inbound.Typed, Inbound.Pressed, Inbound.Submitted {

    Person caller();

    Optional<ChannelId> channel();

    Optional<String> requestId();

    /** The adapter's own record of how to reach the caller; the bot runs it only for a caller it may identify. */
    CallerContact contact();

    static Typed of(Command command) {
        return new Typed(Objects.requireNonNull(command, "command"), Optional.empty(), CallerContact.NONE);
    }

    static Pressed of(ActionPress press) {
        return new Pressed(Objects.requireNonNull(press, "press"), Optional.empty(), CallerContact.NONE);
    }

    static Submitted of(FormSubmission submission) {
        return new Submitted(Objects.requireNonNull(submission, "submission"), Optional.empty(), CallerContact.NONE);
    }

    /** A slash command (or its equivalent typed in a chat). */
    record Typed(Command command, Optional<String> requestId, CallerContact contact) implements Inbound {
        @Override
        public Person caller() {
            return command.caller();
        }

        @Override
        public Optional<ChannelId> channel() {
            return command.channel();
        }

        public Typed withRequestId(String id) {
            return new Typed(command, Optional.of(id), contact);
        }

        public Typed withContact(CallerContact remember) {
            return new Typed(command, requestId, remember);
        }
    }

    /** A button pressed. */
    record Pressed(ActionPress press, Optional<String> requestId, CallerContact contact) implements Inbound {
        @Override
        public Person caller() {
            return press.presser();
        }

        @Override
        public Optional<ChannelId> channel() {
            return press.channel();
        }

        public Pressed withRequestId(String id) {
            return new Pressed(press, Optional.of(id), contact);
        }

        public Pressed withContact(CallerContact remember) {
            return new Pressed(press, requestId, remember);
        }
    }

    /** A form sent; it becomes the command its capability builds from the values. */
    record Submitted(FormSubmission submission, Optional<String> requestId, CallerContact contact) implements Inbound {
        @Override
        public Person caller() {
            return submission.submitter();
        }

        @Override
        public Optional<ChannelId> channel() {
            return submission.channel();
        }

        public Submitted withRequestId(String id) {
            return new Submitted(submission, Optional.of(id), contact);
        }

        public Submitted withContact(CallerContact remember) {
            return new Submitted(submission, requestId, remember);
        }
    }

    /**
     * Where a platform reaches the caller (Teams keeps a conversation reference per person). It identifies them, so
     * the bot runs it only when the request is not anonymous, and before the handler, so that what the handler sends
     * the caller can already reach them.
     */
    @FunctionalInterface
    interface CallerContact {
        CallerContact NONE = () -> {
        };

        void remember();
    }
}
