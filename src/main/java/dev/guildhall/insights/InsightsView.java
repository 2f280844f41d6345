package dev.guildhall.insights;

import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.guild.api.Guild;
import dev.guildhall.guild.api.GuildDirectory;
import dev.guildhall.insights.History.OfferRow;
import dev.guildhall.topic.Topics;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.schedule.DueTasks;
import dev.guildhall.store.UnitOfWork;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Computes a report in the caller's transaction and does what it implies: learners waiting over a week are told
 * (once per ticket), and the charts go to the viewer as files through the outbox.
 */
final class InsightsView {
    static final String CHARTS_TASK = "insights.charts";

    private final Insights insights;
    private final GuildDirectory guilds;

    InsightsView(Topics topics, GuildDirectory guilds) {
        this.insights = new Insights(topics);
        this.guilds = guilds;
    }

    GuildDirectory guilds() {
        return guilds;
    }

    Report report(UnitOfWork work, Scope scope) {
        InsightsStore store = new InsightsStore(work.handle());
        return report(work, store, store.history(), scope);
    }

    private Report report(UnitOfWork work, InsightsStore store, History history, Scope scope) {
        Report report = insights.compute(history, store.reach(scope.guildId(), work.now()), scope, work.now());
        tellLeftOut(work, store, report.matching().leftOut());
        return report;
    }

    static Scope guildScope(InsightsStore store, History history, Guild guild) {
        Set<PersonId> members = store.members(guild.id());
        Set<String> topics = new HashSet<>(store.syllabusTopics(guild.id()));
        history.offers().stream().filter(o -> o.active() && members.contains(o.teacher())).map(OfferRow::topic)
                .forEach(topics::add);
        return new Scope(guild.name() + " (" + guild.slug() + ")", Optional.of(guild.id()), members,
                topics, guild.channel().map(c -> c.value()));
    }

    Report guildReport(UnitOfWork work, Guild guild) {
        InsightsStore store = new InsightsStore(work.handle());
        History history = store.history();
        return report(work, store, history, guildScope(store, history, guild));
    }

    /**
     * The report as the caller's reply. Its charts are drawn by a due task right after, and shared with the caller
     * as files: drawing takes longer than a chat platform waits for an answer.
     */
    static Reply show(UnitOfWork work, Report report, PersonId viewer, String context) {
        List<String> charts = Charts.planned(report);
        if (!charts.isEmpty()) {
            long request = new InsightsStore(work.handle()).insertChartRequest(report.scope().guildId(), viewer,
                    work.now());
            new DueTasks(work).schedule(CHARTS_TASK, request, work.now());
        }
        String chartsLine = charts.isEmpty() ? "No charts yet: nothing to plot."
                : charts.size() + " chart" + (charts.size() == 1 ? " is" : "s are") + " on the way to your DMs ("
                + String.join(", ", charts) + ").";
        return Reply.of(InsightsMessages.report(report).withContext(chartsLine + " " + context));
    }

    /** Draws the charts a {@link #show} asked for, as of now, and shares them with whoever asked. */
    void drawCharts(long requestId, UnitOfWork work) {
        InsightsStore store = new InsightsStore(work.handle());
        store.takeChartRequest(requestId).ifPresent(request -> {
            History history = store.history();
            Optional<Scope> scope = request.guildId().isEmpty() ? Optional.of(Scope.everyone())
                    : guilds.find(work, request.guildId().get()).map(guild -> guildScope(store, history, guild));
            scope.ifPresent(s -> {
                Outbox outbox = new Outbox(work);
                Charts.of(report(work, store, history, s)).forEach(chart -> outbox.sendFileDirect(request.viewer(), chart));
            });
        });
    }

    /** Tells each learner left waiting over a week, once per ticket, that they are not forgotten. */
    static void tellLeftOut(UnitOfWork work, InsightsStore store, List<Report.LeftOut> leftOut) {
        Outbox outbox = new Outbox(work);
        for (Report.LeftOut left : leftOut) {
            if (!store.toldLeftOut(left.ticketId())) {
                outbox.sendDirect(left.learner(), InsightsMessages.leftOutNotice(left.topic(), left.waited()));
                store.markToldLeftOut(left.ticketId(), work.now());
            }
        }
    }
}
