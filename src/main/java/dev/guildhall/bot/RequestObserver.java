package dev.guildhall.bot;

import java.time.Duration;

/** Told about every command and button press the bot answered: what it was, how it ended, how long it took. */
@FunctionalInterface
public interface RequestObserver {
    RequestObserver NONE = (name, outcome, took) -> {
    };

    /** {@code name}: "/learn" for a command, "button:accept" for a press, "unknown" for neither; never a person. */
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
