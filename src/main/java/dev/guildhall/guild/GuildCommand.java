package dev.guildhall.guild;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.command.NearMiss;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Reply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /guild <subcommand> …}: routes to the subcommand, and answers {@code help} on each one. */
final class GuildCommand {
    private static final Set<String> ACTION_WORDS = Set.of("add", "remove", "own", "cancel");

    private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();

    GuildCommand(List<Subcommand> all) {
        all.forEach(sub -> {
            if (subcommands.putIfAbsent(sub.name(), sub) != null) {
                throw new IllegalStateException("/guild " + sub.name() + " is registered twice");
            }
        });
    }

    String usage() {
        return "/guild — guilds: members, leads, announcements, meetups, talks and syllabus\n"
                + subcommands.values().stream().map(Subcommand::usage).collect(Collectors.joining("\n"))
                + "\nAdd help after any of them for more, like /guild meetup help.";
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
        Args args = request.args();
        if (args.isEmpty()) {
            throw new UsageException("What would you like to do? " + usage());
        }
        String name = args.first();
        Subcommand sub = subcommands.get(name);
        if (sub == null) {
            String hint = NearMiss.of(name, subcommands.keySet()).map(meant -> "Did you mean /guild " + meant + "? ")
                    .orElse("");
            throw new UsageException(hint + "I don't know /guild " + args.get(0) + ". " + usage());
        }
        Args rest = args.shift();
        if (asksForHelp(rest)) {
            return Reply.of(sub.usage());
        }
        return sub.handler().handle(new GuildFlow(request.work()), request, rest);
    }
}
