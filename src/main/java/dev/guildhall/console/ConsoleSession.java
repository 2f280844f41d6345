package dev.guildhall.console;

import dev.guildhall.bot.Guildhall;
import dev.guildhall.bot.Handled;
import dev.guildhall.core.ActionPress;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Command;
import dev.guildhall.core.Durations;
import dev.guildhall.core.FormSubmission;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.Reply;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** Runs console lines against the bot, delivering everything due after each so the output reads in order. */
final class ConsoleSession {
    private final Guildhall bot;
    private final ConsoleChatPort port;
    private final ConsoleOutput output;
    /** Whose choices help shows in each form's fields: nobody's, so none (the form fills them when it opens). */
    private static final String HELP_VIEWER = "help";

    ConsoleSession(Guildhall bot, ConsoleChatPort port, ConsoleOutput output) {
        this.bot = bot;
        this.port = port;
        this.output = output;
    }

    /** Runs one line; returns false when the line itself was malformed (not when the bot said no). */
    boolean run(String raw) {
        ConsoleLine line;
        try {
            line = ConsoleLine.parse(raw);
        } catch (IllegalArgumentException e) {
            output.error(e.getMessage());
            return false;
        }
        switch (line.kind()) {
            case SKIP -> {
                return true;
            }
            case HELP -> output.note(ConsoleLine.HOW + " Commands: " + String.join(", ",
                    bot.router().commands().stream().map(spec -> "/" + spec.name() + " (" + spec.summary() + ")")
                            .toList()) + ". " + ConsoleForm.HOW + " Forms: " + String.join("; ",
                    bot.describeForms(port.personNamed(HELP_VIEWER)))
                    + ". A form that previews (/guild announce) sends with --confirm at the end.");
            case FORM -> {
                ConsoleForm form;
                try {
                    form = ConsoleForm.parse(line.body(), bot.router().forms());
                } catch (IllegalArgumentException e) {
                    output.error(e.getMessage());
                    return false;
                }
                Person filler = port.personNamed(line.person());
                Handled handled = bot.handle(Inbound.of(new FormSubmission(filler,
                        line.channel().map(ConsoleChatPort::channel), form.spec().id(), form.values(),
                        form.confirmed())));
                show(filler, line.channel(), handled.reply());
                if (handled.preview()) {
                    output.note("that is a preview: add --confirm to the line to send it");
                }
            }
            case ADVANCE -> {
                Duration by;
                try {
                    by = Durations.parse(line.body());
                } catch (IllegalArgumentException e) {
                    output.error("!advance needs a duration: " + e.getMessage());
                    return false;
                }
                // Said first, as before: what falls due on the way is printed after it, in the order it ran.
                output.note("the clock is now " + bot.clock().instant().plus(by));
                bot.advance(by);
            }
            case TIME_ZONE -> {
                try {
                    port.setZone(line.person(), ZoneId.of(line.body()));
                } catch (DateTimeException e) {
                    output.error("\"" + line.body() + "\" is not a time zone; use a name like Europe/Berlin or"
                            + " America/New_York.");
                    return false;
                }
                output.note(line.person() + " is in " + line.body());
            }
            case COMMAND -> {
                Person caller = port.personNamed(line.person());
                Optional<ChannelId> channel = line.channel().map(ConsoleChatPort::channel);
                show(caller, line.channel(), bot.handle(Inbound.of(new Command(caller, channel, line.commandName(),
                        ConsoleMentions.tokens(line.commandText())))).reply());
            }
            case PRESS -> {
                if (line.body().isEmpty()) {
                    output.error("!press needs a button id, like @alice !press mentorship.accept:1");
                    return false;
                }
                Person presser = port.personNamed(line.person());
                show(presser, line.channel(), bot.handle(Inbound.of(new ActionPress(presser,
                        line.channel().map(ConsoleChatPort::channel), line.body()))).reply());
            }
        }
        bot.runDue();
        return true;
    }

    private void show(Person caller, Optional<String> channel, Reply reply) {
        for (Message message : reply.messages()) {
            output.message(caller.id().localPart(), channel.orElse(null), message, true, null, null);
        }
    }
}
