package dev.guildhall.command;

import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.UnitOfWork;

import java.util.List;

/**
 * One capability's part of a person's home page (Slack's App Home tab): what they have going on there, with
 * buttons. It only reads; buttons come back as ordinary actions.
 */
@FunctionalInterface
public interface HomeSection {
    List<Message> render(PersonId viewer, UnitOfWork work);
}
