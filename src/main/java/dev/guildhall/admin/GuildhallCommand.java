package dev.guildhall.admin;

import dev.guildhall.core.Admins;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandHandler;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.command.NearMiss;
import dev.guildhall.command.Registry;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.Mentions;
import dev.guildhall.core.Person;
import dev.guildhall.core.Reply;
import dev.guildhall.http.DownloadLinks;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.people.People;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code /guildhall help | about | forget-me | admin export | admin forget @person}, plus whatever other
 * capabilities add with {@link Registry#subcommand(String, CommandSpec)}.
 */
final class GuildhallCommand implements CommandHandler.AnswersHelp {
    static final String NAME = "guildhall";
    static final String FORGET_ACTION = "guildhall-forget";
    static final String USAGE = """
            /guildhall help — every command, one line each
            /guildhall about — version and what is configured
            /guildhall forget-me — erase what Guildhall knows about you (asks first)
            /guildhall admin export — (admins) all data as JSON and CSV files
            /guildhall admin forget @person — (admins) erase a person's data""";

    private final Registry registry;
    private final Admins admins;
    private final About about;
    private final DownloadLinks links;

    GuildhallCommand(Registry registry, Admins admins, About about, DownloadLinks links) {
        this.registry = registry;
        this.admins = admins;
        this.about = about;
        this.links = links;
    }

    CommandSpec spec() {
        return new CommandSpec(NAME, "Help, about, forgetting your data, and admin tools", USAGE, this);
    }

    @Override
    public Reply handle(CommandRequest request) {
        Args args = request.args();
        return switch (args.first()) {
            case "", "help" -> help();
            case "about" -> Reply.of(about.describe(registry.commands().size()));
            case "forget-me" -> Reply.of(Message.text("*Forget me?* Guildhall will erase what it knows about you:"
                            + " your name and time zone, your guild memberships and module ownership, your open"
                            + " /learn requests and /teach offers, and messages waiting for you. Past matches stay"
                            + " in the counts, but no longer name you. This cannot be undone.")
                    .withButton(Message.Button.danger(FORGET_ACTION + ":me", "Yes, forget me"))
                    .withContext("Changed your mind? Just ignore this."));
            case "admin" -> admin(request, args.shift());
            default -> contributed(request, args);
        };
    }

    private Reply help() {
        String commands = registry.commands().stream()
                .map(spec -> "/" + spec.name() + " — " + spec.summary())
                .collect(Collectors.joining("\n"));
        String extra = registry.subcommands(NAME).stream()
                .map(spec -> "/guildhall " + spec.name() + " — " + spec.summary())
                .collect(Collectors.joining("\n"));
        return Reply.of("*Guildhall commands* (add help to any of them, like /learn help)\n" + commands
                + "\n\n*More under /guildhall*\n" + USAGE + (extra.isEmpty() ? "" : "\n" + extra));
    }

    private Reply contributed(CommandRequest request, Args args) {
        List<CommandSpec> extra = registry.subcommands(NAME);
        return extra.stream().filter(spec -> spec.name().equalsIgnoreCase(args.first())).findFirst()
                .map(spec -> args.size() == 2 && args.shift().first().equals("help") ? Reply.of(spec.usage())
                        : spec.handler().handle(new CommandRequest(request.caller(), request.channel(), args.shift(),
                        request.work())))
                .orElseThrow(() -> {
                    List<String> known = Stream.concat(Stream.of("help", "about", "forget-me", "admin"),
                            extra.stream().map(CommandSpec::name)).toList();
                    String suggestion = NearMiss.of(args.first(), known).map(word -> " Did you mean /guildhall "
                            + word + "?").orElse("");
                    return new UsageException("I don't know /guildhall " + args.first() + "." + suggestion + "\n"
                            + USAGE);
                });
    }

    private Reply admin(CommandRequest request, Args args) {
        if (!admins.includes(request.caller().id())) {
            throw new UsageException("Only Guildhall admins can do that. Admins are listed by id in GUILDHALL_ADMINS;"
                    + " yours is " + request.caller().id().value() + ". Try /guildhall help for what everyone can use.");
        }
        return switch (args.first()) {
            case "export" -> export(request);
            case "forget" -> forget(request, args);
            default -> throw new UsageException("Admin commands: /guildhall admin export, /guildhall admin forget"
                    + " @person.");
        };
    }

    private Reply export(CommandRequest request) {
        Person caller = request.caller();
        boolean files = about.platformsSharingFiles().contains(caller.id().platform());
        if (!files && !links.enabled()) {
            throw new UsageException("Teams can't take files from a bot, and download links need GUILDHALL_PUBLIC_URL"
                    + " (the bot's public address), which is not set. Run the export where the bot runs instead:"
                    + " java -jar guildhall.jar export <folder> (in Kubernetes: kubectl exec deploy/guildhall --"
                    + " java -jar /app/guildhall.jar export /data/export), or ask an admin on Slack.");
        }
        DataExport export = DataExport.read(request.work().handle(), request.work().now());
        int total = export.counts().values().stream().mapToInt(Integer::intValue).sum();
        if (!files) {
            // Teams bots can send only pictures: one-time links on the bot's own server instead.
            return Reply.of(Message.text("Exported " + export.counts().size() + " tables (" + total + " rows)."
                            + " Each link works once, within " + DownloadLinks.LIFETIME.toMinutes() + " minutes:")
                    .withField("JSON", links.offer(export.json()).toString())
                    .withField("CSV per table (zip)", links.offer(export.csvZip()).toString())
                    .withContext("They hold everyone's data: keep them safe, and don't forward these links."));
        }
        Outbox outbox = new Outbox(request.work());
        outbox.sendFileDirect(caller.id(), export.json());
        outbox.sendFileDirect(caller.id(), export.csvZip());
        return Reply.of("Exporting " + export.counts().size() + " tables (" + total + " rows): a JSON file and a zip"
                + " of CSVs are on their way to you in a direct message. They hold everyone's data: keep them safe.");
    }

    private Reply forget(CommandRequest request, Args args) {
        if (args.size() < 2) {
            throw new UsageException("Whom should I forget? Mention them, like /guildhall admin forget @bob.");
        }
        String written = args.restFrom(1);
        Mentions.Mention mention = Mentions.person(request.caller().id(), written).orElseThrow(() ->
                new UsageException("\"" + written + "\" isn't a person I can recognise. Mention them with @, like"
                        + " /guildhall admin forget @bob."));
        People people = new People(request.work().handle());
        Person person = people.resolve(mention).orElseThrow(() -> new UsageException(people.isAmbiguous(mention)
                ? "Several people I know are called " + mention.shown() + ". Pick the one you mean as you type @."
                : "I don't know " + mention.shown() + ": there is nothing stored about them to forget."));
        if (person.id().equals(request.caller().id())) {
            throw new UsageException("To erase your own data, use /guildhall forget-me.");
        }
        Forgetting.Result result = new Forgetting(registry, request.work()).forget(person.id());
        // The reply names nobody: a platform's retry store keeps replies, and this one must not undo the erasure.
        return Reply.of("Done: that person is forgotten (" + result.rowsChanged() + " rows erased or changed). Their"
                + " past matches still count, under an anonymous id.");
    }
}
