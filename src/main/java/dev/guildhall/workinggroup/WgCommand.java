package dev.guildhall.workinggroup;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.command.SubcommandRouter;
import dev.guildhall.core.Reply;

import java.util.List;

/** {@code /wg <subcommand> …}: routes to the subcommand, and answers {@code help} on each one. */
final class WgCommand {
    static final String SUMMARY = "working groups: create, join, check in, share results, close";

    private final SubcommandRouter<Subcommand> router;

    WgCommand(List<Subcommand> all) {
        router = new SubcommandRouter<>("wg",
                "/wg — working groups: a few people under a guild, one subject, their own channel",
                "Add help after any of them for more, like /wg create help.",
                all, Subcommand::name, Subcommand::usage, WgCommand::asksForHelp);
    }

    String usage() {
        return router.usage();
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
        return router.route(request.args(),
                (sub, rest) -> sub.handler().handle(new WgFlow(request.work()), request, rest));
    }
}
