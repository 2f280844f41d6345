package dev.guildhall.insights;

import dev.guildhall.command.Capability;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.command.Registry;
import dev.guildhall.core.Admins;
import dev.guildhall.guild.api.GuildDirectory;
import dev.guildhall.guild.api.LeadSubcommand;
import dev.guildhall.topic.Topics;

/**
 * Insights: is the learning culture working? {@code /guild insights <slug>} for a guild's leads (added to /guild
 * through {@link #guildSubcommand()}), {@link #adminInsights()} for admins, and the weekly digest to leads.
 */
public final class InsightsCapability implements Capability {
    private final Admins admins;
    private final InsightsView view;
    private final GuildDirectory guilds;

    /** {@code guilds}: what the guild capability publishes about its guilds. */
    public InsightsCapability(Admins admins, Topics topics, GuildDirectory guilds) {
        this.admins = admins;
        this.guilds = guilds;
        this.view = new InsightsView(topics, guilds);
    }

    public LeadSubcommand guildSubcommand() {
        return new GuildInsights(view).subcommand();
    }

    public AdminInsights adminInsights() {
        return new AdminInsights(admins, view);
    }

    @Override
    public void register(Registry registry) {
        AdminInsights admin = adminInsights();
        registry.subcommand("guildhall", new CommandSpec("insights",
                "admins only: insights across every guild, with charts", AdminInsights.USAGE, admin::handle));
        registry.task(WeeklyDigest.TASK, new WeeklyDigest(view)::run);
        registry.task(DailyRound.TASK, (subject, work) -> DailyRound.run(guilds, work));
        registry.task(InsightsView.CHARTS_TASK, view::drawCharts);
    }
}
