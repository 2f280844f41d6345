package dev.guildhall.mentorship;

public enum MatchStatus {
    PROPOSED, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN, DONE, CANCELLED,
    /** A running pair let go: it wasn't working, or it never confirmed a first meeting. */
    RELEASED
}
