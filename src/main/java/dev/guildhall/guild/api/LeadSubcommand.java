package dev.guildhall.guild.api;

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
}
