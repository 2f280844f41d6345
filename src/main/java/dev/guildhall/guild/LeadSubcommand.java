package dev.guildhall.guild;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.core.Reply;

/**
 * A {@code /guild} subcommand another capability adds, like {@code /guild insights <slug>}. The guild package finds
 * the guild the first word names and lets only its leads through; the handler gets that guild and the words after.
 *
 * @param leadsCan what only leads can do, for the refusal: "see its insights"
 */
public record LeadSubcommand(String name, String usage, String leadsCan, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        Reply handle(Guild guild, CommandRequest request, Args rest);
    }

    Subcommand asSubcommand() {
        return new Subcommand(name, usage, (flow, request, args) -> {
            if (args.isEmpty()) {
                throw new dev.guildhall.command.UsageException("Which guild? " + usage
                        + ". /guild list shows the guilds.");
            }
            Guild guild = flow.guild(args.first());
            flow.requireLead(guild, request.caller().id(), leadsCan);
            return handler.handle(guild, request, args.shift());
        });
    }
}
