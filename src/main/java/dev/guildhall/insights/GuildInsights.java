package dev.guildhall.insights;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Reply;
import dev.guildhall.guild.api.Guild;
import dev.guildhall.guild.api.LeadSubcommand;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** {@code /guild insights <slug> [weekly on|off]}: a guild's insights for its leads, and their weekly digest. */
final class GuildInsights {
    static final String USAGE = "/guild insights <slug> [weekly on|off] — leads only: unmet demand, matching, graduates,"
            + " reach and confusion hot spots, with charts; weekly on|off: your Monday 09:00 digest";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM d HH:mm", Locale.ENGLISH);

    private final InsightsView view;

    GuildInsights(InsightsView view) {
        this.view = view;
    }

    LeadSubcommand subcommand() {
        return new LeadSubcommand("insights", USAGE, "see its insights", this::handle);
    }

    private Reply handle(Guild guild, CommandRequest request, Args rest) {
        if (rest.isEmpty()) {
            WeeklyDigest.enrolLeads(request.work(), guild);
            Report report = view.guildReport(request.work(), guild);
            return InsightsView.show(request.work(), report, request.caller().id(), "Leads get three of these"
                    + " numbers every Monday 09:00 their time; /guild insights " + guild.slug() + " weekly off"
                    + " stops yours.");
        }
        if (rest.size() == 2 && rest.first().equalsIgnoreCase("weekly")
                && (rest.get(1).equalsIgnoreCase("on") || rest.get(1).equalsIgnoreCase("off"))) {
            boolean on = rest.get(1).equalsIgnoreCase("on");
            boolean changed = WeeklyDigest.set(request.work(), guild, request.caller().id(), on);
            if (!on) {
                return Reply.of(changed ? "🔕 No more weekly insights for " + guild.title() + ". /guild insights "
                        + guild.slug() + " weekly on brings them back."
                        : "Your weekly insights for " + guild.title() + " are already off.");
            }
            var zone = WeeklyDigest.zoneOf(request.work(), request.caller().id(), guild);
            String next = WHEN.format(WeeklyDigest.next(request.work().now(), zone).atZone(zone)) + " (" + zone.getId()
                    + ")";
            return Reply.of(changed ? "📬 You'll get " + guild.title() + "'s insights every Monday 09:00 your time;"
                    + " the next on " + next + "."
                    : "Your weekly insights for " + guild.title() + " are already on; the next on " + next + ".");
        }
        throw new UsageException("Type /guild insights " + guild.slug() + " for the insights, or /guild insights "
                + guild.slug() + " weekly on|off for your Monday digest.");
    }
}
