package dev.guildhall.livesession;

import dev.guildhall.command.Capability;
import dev.guildhall.command.Registry;

import java.util.Optional;

/**
 * Live sessions: {@code /session}, the anonymous {@code /wait}, their buttons, and the timed work (flags going down,
 * forgotten sessions ending). The keys behind anonymous flags live in this object, i.e. in this process's memory —
 * unless a cluster secret is given: then every replica derives them alike (see {@link DerivedSessionKeys}).
 */
public final class LiveSessionCapability implements Capability {
    private final AnonymityKeys keys;
    private final LiveSessionSettings settings;

    public LiveSessionCapability(LiveSessionSettings settings) {
        this(settings, Optional.empty());
    }

    /** {@code clusterSecret}: {@code GUILDHALL_SESSION_SECRET}, for replicas that share live sessions. */
    public LiveSessionCapability(LiveSessionSettings settings, Optional<byte[]> clusterSecret) {
        this.settings = settings;
        this.keys = clusterSecret.<AnonymityKeys>map(DerivedSessionKeys::new).orElseGet(SessionKeys::new);
    }

    public LiveSessionCapability() {
        this(LiveSessionSettings.defaults());
    }

    @Override
    public void register(Registry registry) {
        registry.command(new SessionCommand(keys, settings).spec());
        registry.command(new WaitCommand(keys, settings).spec());
        new LiveSessionButtons(keys, settings).register(registry);
        registry.task(LiveSessionFlow.EXPIRY_TASK, (flagId, work) ->
                new LiveSessionFlow(work, keys, settings).expire(flagId));
        registry.task(LiveSessionFlow.AUTO_END_TASK, (sessionId, work) -> {
            LiveSessionFlow flow = new LiveSessionFlow(work, keys, settings);
            flow.store.session(sessionId).filter(LiveSession::isRunning).ifPresent(flow::end);
        });
    }
}
