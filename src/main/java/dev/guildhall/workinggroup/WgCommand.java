package dev.guildhall.workinggroup;

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

/** {@code /wg <subcommand> …}: routes to the subcommand, and answers {@code help} on each one. */
final class WgCommand {
    static final String SUMMARY = "working groups: create, join, check in, share results, close";

    private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();

    WgCommand(List<Subcommand> all) {
        all.forEach(sub -> {
            if (subcommands.putIfAbsent(sub.name(), sub) != null) {
                throw new IllegalStateException("/wg " + sub.name() + " is registered twice");
            }
        });
    }

    String usage() {
        return "/wg — working groups: a few people under a guild, one subject, their own channel\n"
                + subcommands.values().stream().map(Subcommand::usage).collect(Collectors.joining("\n"))
                + "\nAdd help after any of them for more, like /wg create help.";
    }

    CommandSpec spec() {
        return new CommandSpec("wg", SUMMARY, usage(), this::handle);
    }

    /** {@code /wg share help}, and after a slug too ({@code /wg share vpc help}): never shared as a result. */
    private static boolean asksForHelp(Args rest) {
        int last = rest.size() - 1;
        return (last == 0 || last == 1) && !rest.isQuoted(last) && rest.get(last).equalsIgnoreCase("help");
    }

    private Reply handle(CommandRequest request) {
        Args args = request.args();
        if (args.isEmpty()) {
            throw new UsageException("What would you like to do? " + usage());
        }
        String name = args.first();
        Subcommand sub = subcommands.get(name);
        if (sub == null) {
            String hint = NearMiss.of(name, subcommands.keySet()).map(meant -> "Did you mean /wg " + meant + "? ")
                    .orElse("");
            throw new UsageException(hint + "I don't know /wg " + args.get(0) + ". " + usage());
        }
        Args rest = args.shift();
        if (asksForHelp(rest)) {
            return Reply.of(sub.usage());
        }
        return sub.handler().handle(new WgFlow(request.work()), request, rest);
    }
}
