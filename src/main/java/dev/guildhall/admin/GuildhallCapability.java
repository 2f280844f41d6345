package dev.guildhall.admin;

import dev.guildhall.core.Admins;

import dev.guildhall.command.Capability;
import dev.guildhall.command.Registry;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Reply;
import dev.guildhall.http.DownloadLinks;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code /guildhall}: help, about, forget-me for everyone, admin tools for {@code GUILDHALL_ADMINS}. Other
 * capabilities add subcommands with {@code registry.subcommand("guildhall", spec)}.
 */
public final class GuildhallCapability implements Capability {
    private final Admins admins;
    private final About about;
    private final DownloadLinks links;

    public GuildhallCapability(Admins admins, String store, Duration matchDeadline, String sendPace,
                               Optional<String> topicAliases, DownloadLinks links) {
        this.admins = admins;
        this.links = links;
        this.about = new About(About.versionOfThisBuild(), About.describeStore(store), pretty(matchDeadline),
                sendPace, topicAliases, admins.people().size());
    }

    private static String pretty(Duration duration) {
        return duration.toString().substring(2).toLowerCase();
    }

    @Override
    public void register(Registry registry) {
        registry.command(new GuildhallCommand(registry, admins, about, links).spec());
        CorePersonalData.register(registry);
        registry.action(GuildhallCommand.FORGET_ACTION, request -> {
            if (!request.argument().equals("me")) {
                throw new UsageException("That button is not one I recognise any more. Try /guildhall forget-me.");
            }
            new Forgetting(registry, request.work()).forget(request.presser().id());
            return Reply.of("Done: Guildhall has forgotten you. Your past matches still count, under an anonymous"
                    + " id. If you use Guildhall again, it will start afresh.");
        });
    }
}
