package dev.guildhall.insights;

import dev.guildhall.command.Capability;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.command.PersonalData;
import dev.guildhall.command.PersonalData.OnForget;
import dev.guildhall.command.Registry;
import dev.guildhall.core.Admins;
import dev.guildhall.guild.api.GuildDirectory;
import dev.guildhall.guild.api.LeadSubcommand;
import dev.guildhall.store.UnitOfWork;
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
        registry.personalData(PersonalData.table("insights_left_out_notice")
                .notPersonal("ticket_id", "sent_at").build());
        registry.personalData(PersonalData.table("insights_digest")
                .person("person_id", OnForget.DELETE_ROW)
                .notPersonal("id", "guild_id", "stopped_at", "last_sent_at", "created_at").build());
        // Charts asked for and not drawn yet are only for the one who asked.
        registry.personalData(PersonalData.table("insights_chart_request")
                .person("viewer", OnForget.DELETE_ROW)
                .notPersonal("id", "guild_id", "created_at").build());
        registry.task(DailyRound.TASK, (subject, work) -> DailyRound.run(guilds, work));
        registry.task(InsightsView.CHARTS_TASK, view::drawCharts);
    }

    /** The daily round and the leads' weekly digests run from the bot's start, whether or not anyone asks. */
    @Override
    public void onStart(UnitOfWork work) {
        DailyRound.start(guilds, work);
    }
}
