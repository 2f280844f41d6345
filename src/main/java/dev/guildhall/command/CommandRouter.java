package dev.guildhall.command;

import dev.guildhall.core.ActionPress;
import dev.guildhall.core.Command;
import dev.guildhall.core.Form;
import dev.guildhall.core.FormSubmission;
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
    private final Map<String, FormSpec> forms = new LinkedHashMap<>();

    @Override
    public void command(CommandSpec spec) {
        putOnce(commands, spec.name(), spec, "command /");
        refuseAFormFor(spec);
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
    public void form(FormSpec form) {
        putOnce(forms, form.id(), form, "form ");
        Optional.ofNullable(commands.get(form.command().toLowerCase(Locale.ROOT))).ifPresent(this::refuseAFormFor);
    }

    /** A submitted form is handled as the filler's own words, so an anonymous command can have none. */
    private void refuseAFormFor(CommandSpec spec) {
        if (spec.anonymous() && forms.values().stream().anyMatch(f -> f.command().equalsIgnoreCase(spec.name()))) {
            throw new IllegalStateException("/" + spec.name() + " is anonymous and cannot have a form");
        }
    }

    @Override
    public List<FormSpec> forms() {
        return List.copyOf(forms.values());
    }

    public Optional<FormSpec> form(String id) {
        return Optional.ofNullable(forms.get(id));
    }

    /**
     * The form to open instead of running a command typed with too few words ({@code /learn} alone, {@code /guild
     * meetup devops}), if its capability has one; {@code help} and anything too long never open one.
     */
    public Optional<FormSpec> formFor(Command command) {
        String name = command.name().toLowerCase(Locale.ROOT);
        if (!commands.containsKey(name) || command.text().length() > MAX_TEXT_LENGTH) {
            return Optional.empty();
        }
        Args args;
        try {
            args = Args.parse(command.text());
        } catch (UsageException e) {
            return Optional.empty();
        }
        boolean firstIsWord = !args.isEmpty() && !args.isQuoted(0);
        for (FormSpec form : forms.values()) {
            if (!form.command().equals(name)) {
                continue;
            }
            if (form.subcommand().isEmpty() ? form.opensFor(args)
                    : firstIsWord && args.first().equals(form.subcommand()) && form.opensFor(args.shift())) {
                return Optional.of(form);
            }
        }
        return Optional.empty();
    }

    /**
     * A form sent: its values checked field by field, then turned into its command's words and run by the command's
     * handler like typed text. A refusal comes back as {@link FormRejected} on the form's field for refusals, so the
     * platform can show it there; either way it rolls everything back. A form with a preview shows it first.
     */
    public Submitted submit(FormSubmission submission, UnitOfWork work) {
        FormSpec spec = form(submission.formId()).orElseThrow(() -> new UsageException(
                "That form is not one I know any more. Type the command again to open it afresh."));
        Form form = spec.form(submission.submitter(), work);
        Map<String, String> labels = form.fields().stream()
                .collect(Collectors.toMap(Form.Field::name, Form.Field::label));
        Form.Checked checked = form.check(submission.values());
        if (!checked.ok()) {
            throw new FormRejected(checked.errors(), labels);
        }
        FormValues values = new FormValues(checked.values());
        if (!submission.confirmed()) {
            Optional<Message> preview = spec.preview(values, submission.submitter(), work);
            if (preview.isPresent()) {
                return new Submitted(Reply.of(preview.get()), true);
            }
        }
        try {
            String words = (spec.subcommand().isEmpty() ? "" : spec.subcommand() + " ")
                    + spec.commandText(values, submission.submitter(), work);
            return new Submitted(route(new Command(submission.submitter(), submission.channel(), spec.command(),
                    words), work), false);
        } catch (FormRejected e) {
            throw new FormRejected(e.problems(), labels);
        } catch (UsageException e) {
            throw new FormRejected(Map.of(spec.refusalsGoTo(), e.getMessage()), labels);
        }
    }

    /** What a form's run gave: the reply, or (for a form with a preview, sent the first time) the preview. */
    public record Submitted(Reply reply, boolean preview) {
    }

    /** Choices for a form's suggested select, as the person types. */
    public List<Form.Choice> suggest(String formId, String field, String typed, UnitOfWork work) {
        return form(formId).map(spec -> spec.suggest(field, typed == null ? "" : typed.strip(), work))
                .orElse(List.of());
    }

    /** How metrics name a form sent: "form:guild.meetup", or "unknown". */
    public String observedName(FormSubmission submission) {
        return forms.containsKey(submission.formId()) ? "form:" + submission.formId() : "unknown";
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
        return actions.containsKey(name) || name.equals(Message.OPENS_FORM) ? "button:" + name : "unknown";
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
        if (actionName(id).equals(Message.OPENS_FORM)) {
            return Reply.of(formHint(colon < 0 ? "" : id.substring(colon + 1)));
        }
        ActionHandler handler = actions.get(actionName(id));
        if (handler == null) {
            throw new UsageException("That button is not one I recognise any more. Try the command again.");
        }
        String argument = colon < 0 ? "" : id.substring(colon + 1);
        return handler.handle(new ActionRequest(press.presser(), press.channel(), argument, press.input(), work));
    }

    /** Where a form's button can't open the form (the console), what to type instead. */
    private String formHint(String formId) {
        return typedInstead(formId).orElseThrow(() -> new UsageException(
                "That button is not one I recognise any more. Try the command again."));
    }

    /** What to type instead of filling in a form that could not be shown: its command, with how to learn more. */
    public Optional<String> typedInstead(String formId) {
        return form(formId).map(spec -> "Type " + spec.commandLine() + " with what it needs; " + spec.commandLine()
                + " help says what that is.");
    }

    private String commandList() {
        return commands.keySet().stream().map(name -> "/" + name).collect(Collectors.joining(", "));
    }
}
