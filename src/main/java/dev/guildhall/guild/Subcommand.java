package dev.guildhall.guild;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Reply;
import dev.guildhall.guild.api.Guild;
import dev.guildhall.guild.api.LeadSubcommand;

/** One {@code /guild} subcommand: its name, its own usage (shown by {@code /guild <name> help}), its handler. */
record Subcommand(String name, String usage, Handler handler) {

    @FunctionalInterface
    interface Handler {
        /** {@code args} are the words after the subcommand's name. */
        Reply handle(GuildFlow flow, CommandRequest request, Args args);
    }

    /** Another capability's subcommand: the first word names the guild, and only its leads get through. */
    static Subcommand forLeads(LeadSubcommand contributed) {
        return new Subcommand(contributed.name(), contributed.usage(), (flow, request, args) -> {
            if (args.isEmpty()) {
                throw new UsageException("Which guild? " + contributed.usage() + ". /guild list shows the guilds.");
            }
            Guild guild = flow.guild(args.first());
            flow.requireLead(guild, request.caller().id(), contributed.leadsCan());
            return contributed.handler().handle(guild, request, args.shift());
        });
    }
}
