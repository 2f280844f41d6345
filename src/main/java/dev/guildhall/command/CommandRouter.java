package dev.guildhall.command;

import dev.guildhall.core.ActionPress;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.schedule.TaskHandler;
import dev.guildhall.store.UnitOfWork;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** One grammar for every adapter: {@code /<command> <subcommand> <args>}, {@code help} on every command. */
public final class CommandRouter implements Registry {
    /** Slack caps slash-command text near 4,000 characters; anything longer is a paste gone wrong. */
    public static final int MAX_TEXT_LENGTH = 4_000;

    private final Map<String, CommandSpec> commands = new LinkedHashMap<>();
    private final Map<String, ActionHandler> actions = new LinkedHashMap<>();
    private final Map<String, TaskHandler> tasks = new LinkedHashMap<>();
    private final Set<String> anonymousActions = new HashSet<>();
    private final List<HomeSection> homeSections = new ArrayList<>();
    private final List<AnonymousRetries> anonymousRetries = new ArrayList<>();
    private final Map<String, Map<String, CommandSpec>> subcommands = new LinkedHashMap<>();
    private final Map<String, PersonalData> personalData = new LinkedHashMap<>();
    private final List<ForgettingStep> forgettingSteps = new ArrayList<>();

    @Override
    public void command(CommandSpec spec) {
        putOnce(commands, spec.name(), spec, "command /");
    }

    @Override
    public void action(String name, ActionHandler handler) {
        if (name.contains(":")) {
            throw new IllegalArgumentException("An action name cannot contain ':' " + name);
        }
        putOnce(actions, name, handler, "action ");
    }

    @Override
    public void anonymousAction(String name, ActionHandler handler) {
        action(name, handler);
        anonymousActions.add(name);
    }

    @Override
    public void anonymousRetries(AnonymousRetries retries) {
        anonymousRetries.add(retries);
    }

    /** The claim of the first capability that knows the anonymous request, else {@code NOT_MINE}. */
    public AnonymousRetries.Claim claimAnonymous(Inbound inbound, String requestId, UnitOfWork work) {
        for (AnonymousRetries retries : anonymousRetries) {
            AnonymousRetries.Claim claim = retries.claim(inbound, requestId, work);
            if (claim != AnonymousRetries.Claim.NOT_MINE) {
                return claim;
            }
        }
        return AnonymousRetries.Claim.NOT_MINE;
    }

    @Override
    public void task(String kind, TaskHandler handler) {
        putOnce(tasks, kind, handler, "task ");
    }

    @Override
    public void home(HomeSection section) {
        homeSections.add(section);
    }

    @Override
    public void subcommand(String command, CommandSpec subcommand) {
        putOnce(subcommands.computeIfAbsent(command.toLowerCase(Locale.ROOT), c -> new LinkedHashMap<>()),
                subcommand.name().toLowerCase(Locale.ROOT), subcommand, "subcommand /" + command + " ");
    }

    @Override
    public List<CommandSpec> subcommands(String command) {
        return List.copyOf(subcommands.getOrDefault(command.toLowerCase(Locale.ROOT), Map.of()).values());
    }

    /** Every capability's part of a person's home page, in registration order. */
    public List<Message> home(PersonId viewer, UnitOfWork work) {
        List<Message> page = new ArrayList<>();
        homeSections.forEach(section -> page.addAll(section.render(viewer, work)));
        return page;
    }

    @Override
    public void personalData(PersonalData table) {
        putOnce(personalData, table.table(), table, "personal data of table ");
    }

    @Override
    public void whenForgetting(ForgettingStep step) {
        forgettingSteps.add(step);
    }

    @Override
    public List<PersonalData> personalData() {
        return List.copyOf(personalData.values());
    }

    @Override
    public List<ForgettingStep> forgettingSteps() {
        return List.copyOf(forgettingSteps);
    }

    private static <T> void putOnce(Map<String, T> map, String key, T value, String what) {
        if (map.putIfAbsent(key, value) != null) {
            throw new IllegalStateException(what + key + " is registered twice");
        }
    }

    @Override
    public Collection<CommandSpec> commands() {
        return Collections.unmodifiableCollection(commands.values());
    }

    public Optional<TaskHandler> task(String kind) {
        return Optional.ofNullable(tasks.get(kind));
    }

    /** Whether the caller must leave no trace (not even being recorded as seen). */
    public boolean isAnonymous(Command command) {
        CommandSpec spec = commands.get(command.name().toLowerCase(Locale.ROOT));
        return spec != null && spec.anonymous();
    }

    public boolean isAnonymous(ActionPress press) {
        return anonymousActions.contains(actionName(press.actionId()));
    }

    /** How metrics name a command: "/learn", or "unknown" for one nobody registered (free text stays out). */
    public String observedName(Command command) {
        String name = command.name().toLowerCase(Locale.ROOT);
        return commands.containsKey(name) ? "/" + name : "unknown";
    }

    /** How metrics name a press: "button:accept", or "unknown". */
    public String observedName(ActionPress press) {
        String name = actionName(press.actionId());
        return actions.containsKey(name) ? "button:" + name : "unknown";
    }

    private static String actionName(String actionId) {
        int colon = actionId.indexOf(':');
        return colon < 0 ? actionId : actionId.substring(0, colon);
    }

    public Reply route(Command command, UnitOfWork work) {
        CommandSpec spec = commands.get(command.name().toLowerCase(Locale.ROOT));
        if (spec == null) {
            throw new UsageException("I don't know /" + command.name() + ". I understand " + commandList()
                    + ". Add help to any of them, like /learn help.");
        }
        if (command.text().length() > MAX_TEXT_LENGTH) {
            throw new UsageException("That is too long for a command (" + command.text().length()
                    + " characters; " + MAX_TEXT_LENGTH + " at most). " + spec.usage());
        }
        Args args = Args.parse(command.text());
        if (args.first().equals("help") && args.size() == 1 && !(spec.handler() instanceof CommandHandler.AnswersHelp)) {
            return Reply.of(spec.usage());
        }
        return spec.handler().handle(new CommandRequest(command.caller(), command.channel(), args, work));
    }

    public Reply press(ActionPress press, UnitOfWork work) {
        String id = press.actionId();
        int colon = id.indexOf(':');
        ActionHandler handler = actions.get(actionName(id));
        if (handler == null) {
            throw new UsageException("That button is not one I recognise any more. Try the command again.");
        }
        String argument = colon < 0 ? "" : id.substring(colon + 1);
        return handler.handle(new ActionRequest(press.presser(), press.channel(), argument, work));
    }

    private String commandList() {
        return commands.keySet().stream().map(name -> "/" + name).collect(Collectors.joining(", "));
    }
}
