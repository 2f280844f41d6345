package dev.guildhall.command;

import dev.guildhall.core.Reply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code /<command> <subcommand> …} for commands made of subcommands ({@code /guild}, {@code /wg}): nothing typed or
 * an unknown word gets the usage (with a did-you-mean), {@code help} after a subcommand gets that subcommand's usage.
 *
 * @param <S> the capability's own subcommand type
 */
public final class SubcommandRouter<S> {
    private final String command;
    private final String header;
    private final String footer;
    private final Function<S, String> usageOf;
    private final Predicate<Args> asksForHelp;
    private final Map<String, S> subcommands = new LinkedHashMap<>();

    /**
     * @param asksForHelp given the words after the subcommand's name, whether they ask for its usage
     */
    public SubcommandRouter(String command, String header, String footer, List<S> all, Function<S, String> nameOf,
                            Function<S, String> usageOf, Predicate<Args> asksForHelp) {
        this.command = command;
        this.header = header;
        this.footer = footer;
        this.usageOf = usageOf;
        this.asksForHelp = asksForHelp;
        all.forEach(sub -> {
            if (subcommands.putIfAbsent(nameOf.apply(sub), sub) != null) {
                throw new IllegalStateException("/" + command + " " + nameOf.apply(sub) + " is registered twice");
            }
        });
    }

    public String usage() {
        return header + "\n" + subcommands.values().stream().map(usageOf).collect(Collectors.joining("\n"))
                + "\n" + footer;
    }

    /** Finds the subcommand and hands it the words after its name, unless they ask for help. */
    public Reply route(Args args, BiFunction<S, Args, Reply> run) {
        if (args.isEmpty()) {
            throw new UsageException("What would you like to do? " + usage());
        }
        String name = args.first();
        S sub = subcommands.get(name);
        if (sub == null) {
            String hint = NearMiss.of(name, subcommands.keySet())
                    .map(meant -> "Did you mean /" + command + " " + meant + "? ").orElse("");
            throw new UsageException(hint + "I don't know /" + command + " " + args.get(0) + ". " + usage());
        }
        Args rest = args.shift();
        if (asksForHelp.test(rest)) {
            return Reply.of(usageOf.apply(sub));
        }
        return run.apply(sub, rest);
    }
}
