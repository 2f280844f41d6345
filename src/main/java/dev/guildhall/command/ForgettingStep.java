package dev.guildhall.command;

import dev.guildhall.core.PersonId;
import dev.guildhall.store.UnitOfWork;

/**
 * What a capability does when a person is forgotten, before their rows are rewritten by the {@link PersonalData}
 * declarations: end what would still reach them, and settle what they leave without an owner (a guild without a
 * lead, learners waiting on their answer), telling the people affected.
 */
@FunctionalInterface
public interface ForgettingStep {
    void forgetting(PersonId person, UnitOfWork work);
}
