package dev.guildhall.guild;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.command.SubcommandRouter;
import dev.guildhall.core.Reply;

import java.util.List;
import java.util.Set;

/** {@code /guild <subcommand> …}: routes to the subcommand, and answers {@code help} on each one. */
final class GuildCommand {
    private static final Set<String> ACTION_WORDS = Set.of("add", "remove", "own", "disown", "cancel", "move",
            "retitle");

    private final SubcommandRouter<Subcommand> router;

    GuildCommand(List<Subcommand> all) {
        router = new SubcommandRouter<>("guild",
                "/guild — guilds: members, leads, announcements, meetups, talks and syllabus",
                "Add help after any of them for more, like /guild meetup help.",
                all, Subcommand::name, Subcommand::usage, GuildCommand::asksForHelp);
    }

    String usage() {
        return router.usage();
    }

    CommandSpec spec() {
        return new CommandSpec("guild", "guilds: join, announce, meetups, talks, syllabus", usage(), this::handle);
    }

    /** {@code /guild join help}, and for subcommands with an action word, {@code /guild meetup cancel help}. */
    private static boolean asksForHelp(Args rest) {
        int last = rest.size() - 1;
        if (last < 0 || last > 1 || rest.isQuoted(last) || !rest.get(last).equalsIgnoreCase("help")) {
            return false;
        }
        return last == 0 || ACTION_WORDS.contains(rest.first());
    }

    private Reply handle(CommandRequest request) {
        return router.route(request.args(),
                (sub, rest) -> sub.handler().handle(new GuildFlow(request.work()), request, rest));
    }
}
