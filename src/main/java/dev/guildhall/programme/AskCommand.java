package dev.guildhall.programme;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Mentions;
import dev.guildhall.core.Reply;
import dev.guildhall.guild.api.Syllabus;
import dev.guildhall.mentorship.api.MentorRequests;

import java.util.Set;

/**
 * {@code /ask "<module>" <question>}: an anonymous question to a module's owners, under the same rules as
 * {@code /wait} — registered as anonymous, so the bot does not even record that the caller was seen, and nothing
 * stored or sent names them.
 */
final class AskCommand {
    static final String NAME = "ask";
    static final String USAGE = """
            /ask "<module>" <question> — ask a module's owners a question anonymously: nobody, not even the owners, \
            learns who asked. Add --guild <slug> when several guilds have a module of that name.""";
    static final int MAX_LENGTH = 300;

    private final Syllabus syllabus;
    private final MentorRequests mentors;

    AskCommand(Syllabus syllabus, MentorRequests mentors) {
        this.syllabus = syllabus;
        this.mentors = mentors;
    }

    CommandSpec spec() {
        return new CommandSpec(NAME, "ask a module's owners a question, anonymously", USAGE, this::handle, true);
    }

    private Reply handle(CommandRequest request) {
        Args args = request.args().withOptions(Set.of("guild"), USAGE);
        if (args.isEmpty() || !args.isQuoted(0) && args.size() == 1) {
            throw new UsageException("Which module, and what's your question? " + USAGE);
        }
        Syllabus.Module module = Modules.named(syllabus, request.work(), args.get(0), args.option("guild"));
        String question = Mentions.plain(args.restFrom(1));
        if (question.isBlank()) {
            throw new UsageException("What's your question? /ask \"" + module.name() + "\" <your question>.");
        }
        return new CheckFlow(request.work(), syllabus, mentors).ask(module.id(), question);
    }
}
