package dev.guildhall.livesession.api;

import dev.guildhall.core.PersonId;
import dev.guildhall.store.UnitOfWork;

/**
 * Links a live session to a module of a guild's syllabus ({@code /session start … --module <m>}) and hears when such
 * a session ends, in the same unit of work. Another capability (programmes and checks) implements it; it never learns
 * anything about flags or questions.
 */
public interface SessionModules {
    SessionModules NONE = new SessionModules() {
        @Override
        public String link(UnitOfWork work, long sessionId, PersonId presenter, String module) {
            throw new dev.guildhall.command.UsageException("--module needs programmes and checks, which are not"
                    + " set up here. Start the session without it.");
        }

        @Override
        public void ended(UnitOfWork work, long sessionId) {
        }
    };

    /**
     * Links the session to the module the presenter named; returns a line for the presenter's reply.
     *
     * @throws dev.guildhall.command.UsageException for a module that does not exist or is not the presenter's
     */
    String link(UnitOfWork work, long sessionId, PersonId presenter, String module);

    /** The session ended (by its presenter or by itself): whatever follows a linked module's session happens now. */
    void ended(UnitOfWork work, long sessionId);
}
