package dev.guildhall.mentorship;

public enum TicketStatus {
    /** Nobody is teaching it yet; it shows on the board. */
    WAITING,
    /** A teacher was asked and has not answered. */
    PROPOSED,
    /** A teacher accepted. */
    MATCHED,
    DONE,
    CANCELLED,
    /** Closed without being done: the pair never confirmed they met (stale). */
    RELEASED;

    public boolean isOpen() {
        return this == WAITING || this == PROPOSED || this == MATCHED;
    }

    public String describe() {
        return switch (this) {
            case WAITING -> "waiting for a teacher";
            case PROPOSED -> "a teacher has been asked";
            case MATCHED -> "matched";
            case DONE -> "done";
            case CANCELLED -> "cancelled";
            case RELEASED -> "closed (the pair never met)";
        };
    }
}
