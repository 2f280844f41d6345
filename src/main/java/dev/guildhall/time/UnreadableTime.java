package dev.guildhall.time;

/** The text is not a time in any form {@link Times} reads; the message says which forms it does read. */
public class UnreadableTime extends IllegalArgumentException {
    public UnreadableTime(String message) {
        super(message);
    }
}
