package dev.guildhall.time;

/** The text is a local time ("4pm", "every day 10:00"), and no zone was known to place it in. */
public final class ZoneNeeded extends UnreadableTime {
    public ZoneNeeded(String typed) {
        super("\"" + typed + "\" is a local time: which time zone is it in?");
    }
}
