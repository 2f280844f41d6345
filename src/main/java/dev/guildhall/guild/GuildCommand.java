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
import java.util.stream.Collectors;

/** {@code /guild <subcommand> …}: routes to the subcommand, and answers {@code help} on each one. */
final class GuildCommand {
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
        if (rest.size() == 1 && rest.first().equals("help") && !rest.isQuoted(0)) {
            return Reply.of(sub.usage());
        }
        return sub.handler().handle(new GuildFlow(request.work()), request, rest);
    }
}
