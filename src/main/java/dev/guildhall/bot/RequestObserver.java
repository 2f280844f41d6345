package dev.guildhall.bot;

import java.time.Duration;

/** Told about every command and button press the bot answered: what it was, how it ended, how long it took. */
@FunctionalInterface
public interface RequestObserver {
    RequestObserver NONE = (name, outcome, took) -> {
    };

    /**
     * The one name every anonymous command and press is counted under: a count per command would show when each
     * anonymous flag went up, and a time per request could single one out.
     */
    String ANONYMOUS = "anonymous";

    /**
     * {@code name}: "/learn" for a command, "button:accept" for a press, "unknown" for neither, {@link #ANONYMOUS}
     * for any anonymous one (its {@code took} is then zero: it is not timed); never a person.
     */
    void handled(String name, Outcome outcome, Duration took);

    enum Outcome {
        /** Done (or a repeat answered from the first time). */
        OK,
        /** Bad input: the caller was told what to type instead and nothing changed. */
        REFUSED,
        /** Something broke on the bot's side. */
        FAILED
    }
}
