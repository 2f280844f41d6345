package dev.guildhall.mentorship.api;

import dev.guildhall.core.PersonId;
import dev.guildhall.store.UnitOfWork;

import java.util.List;

/**
 * Asks people who know a topic whether they would teach it, with a one-click offer: another capability's way of
 * making sure a promise like "someone will teach you" has someone behind it.
 */
@FunctionalInterface
public interface TeachInvites {
    /** Nobody is asked: for a bot without mentorship. */
    TeachInvites NONE = (topic, knower, reason, work) -> List.of();

    /**
     * Asks {@code knower} (for {@code reason}, as learners will read it: "presented Kafka 101") and the owners of
     * any guild module on the topic, unless they teach it already or were asked before; returns the names asked.
     */
    List<String> invite(String topic, PersonId knower, String reason, UnitOfWork work);
}
