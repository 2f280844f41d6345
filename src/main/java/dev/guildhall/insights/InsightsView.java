package dev.guildhall.insights;

import dev.guildhall.core.FileUpload;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.guild.Guild;
import dev.guildhall.insights.History.OfferRow;
import dev.guildhall.mentorship.Topics;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.store.UnitOfWork;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Computes a report in the caller's transaction and does what it implies: learners waiting over a week are told
 * (once per ticket), and the charts go to the viewer as files through the outbox.
 */
final class InsightsView {
    private final Insights insights;

    InsightsView(Topics topics) {
        this.insights = new Insights(topics);
    }

    Report report(UnitOfWork work, Scope scope) {
        InsightsStore store = new InsightsStore(work.handle());
        History history = store.history();
        Report report = insights.compute(history, store.reach(scope.guildId(), work.now()), scope, work.now());
        tellLeftOut(work, store, report.matching().leftOut());
        DailyRound.ensureRunning(work);
        return report;
    }

    static Scope guildScope(InsightsStore store, History history, Guild guild) {
        Set<PersonId> members = store.members(guild.id());
        Set<String> topics = new HashSet<>(store.syllabusTopics(guild.id()));
        history.offers().stream().filter(o -> o.active() && members.contains(o.teacher())).map(OfferRow::topic)
                .forEach(topics::add);
        return new Scope(guild.name() + " (" + guild.slug() + ")", java.util.Optional.of(guild.id()), members,
                topics, guild.channel().map(c -> c.value()));
    }

    Report guildReport(UnitOfWork work, Guild guild) {
        InsightsStore store = new InsightsStore(work.handle());
        return report(work, guildScope(store, store.history(), guild));
    }

    /** The report as the caller's reply, with its charts shared to them as files. */
    static Reply show(UnitOfWork work, Report report, PersonId viewer, String context) {
        List<FileUpload> charts = Charts.of(report);
        Outbox outbox = new Outbox(work);
        charts.forEach(chart -> outbox.sendFileDirect(viewer, chart));
        String chartsLine = charts.isEmpty() ? "No charts yet: nothing to plot."
                : charts.size() + " chart" + (charts.size() == 1 ? " is" : "s are") + " on the way to your DMs ("
                + String.join(", ", charts.stream().map(FileUpload::title).toList()) + ").";
        Message message = InsightsMessages.report(report).withContext(chartsLine + " " + context);
        return Reply.of(message);
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
