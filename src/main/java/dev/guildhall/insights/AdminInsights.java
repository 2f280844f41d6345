package dev.guildhall.insights;

import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Admins;
import dev.guildhall.core.Reply;

/**
 * The insights of the whole Guildhall, for admins ({@code GUILDHALL_ADMINS}): every guild, every topic, every
 * session. A plain handler, meant to be reached as {@code /guildhall insights}; it takes nothing after its name.
 */
public final class AdminInsights {
    public static final String USAGE = "/guildhall insights — admins only: insights across every guild, with charts";

    private final Admins admins;
    private final InsightsView view;

    AdminInsights(Admins admins, InsightsView view) {
        this.admins = admins;
        this.view = view;
    }

    /** {@code request.args()} are the words after {@code insights}. */
    public Reply handle(CommandRequest request) {
        if (!admins.includes(request.caller().id())) {
            throw new UsageException("Only Guildhall's admins see insights across every guild. A guild's leads see"
                    + " theirs with /guild insights <slug>.");
        }
        if (!request.args().isEmpty()) {
            throw new UsageException("Just " + USAGE.substring(0, USAGE.indexOf(" —")) + ", with nothing after it.");
        }
        Report report = view.report(request.work(), Scope.everyone());
        return InsightsView.show(request.work(), report, request.caller().id(),
                "Guild leads see their own guild's with /guild insights <slug>.");
    }
}
