package dev.guildhall.command;

import dev.guildhall.core.Inbound;
import dev.guildhall.store.UnitOfWork;

/**
 * Recognises a platform's retry of an anonymous request under a key the capability holds for the occasion (a live
 * session's), in the request's unit of work. The platform's request id and the reply are never stored as they are:
 * either would link the anonymous actions of one person (a reply like "you've already upvoted" does).
 */
@FunctionalInterface
public interface AnonymousRetries {

    enum Claim {
        /** First delivery: its keyed hash is now taken, in the same unit of work as its effect. */
        FIRST,
        /** The keyed hash was taken before: a retry, to be answered without doing anything. */
        REPEAT,
        /** Not this capability's, or no key to hash it under (e.g. the session has ended): nothing was stored. */
        NOT_MINE
    }

    Claim claim(Inbound inbound, String requestId, UnitOfWork work);
}
