package dev.guildhall.mentorship;

public enum MatchStatus {
    PROPOSED, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN, DONE, CANCELLED
}
