package dev.guildhall.workinggroup;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ListPage;
import dev.guildhall.core.Mentions;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.guild.api.Guild;
import dev.guildhall.guild.api.GuildDirectory;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Creating working groups, joining and leaving (with the waitlist), listing, info and end dates. */
final class GroupCommands {
    static final int DEFAULT_SIZE = 8;
    static final int MAX_SIZE = 50;
    static final String CREATE = "/wg create <slug> --guild <guild> \"<charter>\" [--size N] [--until 2027-01-31]"
            + " [--channel #channel|here] — start a working group you own; I create its channel #wg-<slug>"
            + " (or link the one you name). --size: how many can join besides you (default " + DEFAULT_SIZE + ")";
    static final String JOIN = "/wg join <slug> — join a working group, or its waitlist when it's full (and its guild,"
            + " if you're not in it yet)";
    static final String HANDOVER = "/wg handover <slug> @person — owner: hand the group to one of its members; you"
            + " stay in it";
    static final String LEAVE = "/wg leave <slug> — leave a working group (or its waitlist)";
    static final String LIST = "/wg list [--guild <guild>] — the open working groups";
    /** The button under a long list of working groups that shows its next page. */
    static final String MORE = "wg.list";
    static final int LIST_PAGE = 25;
    static final String INFO = "/wg info <slug> — a group's charter, owner, members, waitlist and channel";
    static final String EXTEND = "/wg extend <slug> <date> — owner: move the group's end date, like /wg extend vpc"
            + " 2027-02-28";

    private GroupCommands() {
    }

    /** {@code guilds}: joining a group of a guild one is not in joins the guild too. */
    static List<Subcommand> all(GuildDirectory guilds) {
        return List.of(
                new Subcommand("create", CREATE, GroupCommands::create),
                new Subcommand("join", JOIN, (flow, request, args) -> join(flow, request, args, guilds)),
                new Subcommand("leave", LEAVE, GroupCommands::leave),
                new Subcommand("handover", HANDOVER, GroupCommands::handover),
                new Subcommand("list", LIST, GroupCommands::list),
                new Subcommand("info", INFO, GroupCommands::info),
                new Subcommand("extend", EXTEND, GroupCommands::extend));
    }

    /**
     * The group is stored PENDING and its channel asked for through the outbox, after this transaction commits:
     * creating a Slack channel is a slow Web API call (two, with the invitation), and Slack wants its ack within
     * 3 seconds while SQLite has one writer. When Slack has answered, {@link ChannelSteps} makes the group ACTIVE and
     * tells the owner — or, if it refused, takes the group back and tells the owner why, so nothing is half-made.
     */
    private static Reply create(WgFlow flow, CommandRequest request, Args raw) {
        Args args = raw.withOptions(Set.of("guild", "size", "until", "channel"), CREATE);
        PersonId caller = request.caller().id();
        if (args.isEmpty()) {
            throw new UsageException("Name the group: " + CREATE + ". Like /wg create vpc --guild platform \"Get"
                    + " everyone comfortable with VPC peering\".");
        }
        String slug = WgFlow.slug(args.get(0));
        if (args.size() < 2) {
            throw new UsageException("Give " + slug + " a charter too — what the group is for, in quotes: /wg create "
                    + slug + " --guild <guild> \"Get everyone comfortable with VPC peering\".");
        }
        if (args.size() > 2) {
            throw new UsageException("A charter of several words goes in quotes: /wg create " + slug + " --guild <guild>"
                    + " \"" + args.restFrom(1).replace("\"", "") + "\".");
        }
        String charter = args.get(1).strip();
        if (charter.isEmpty() || charter.length() > 300) {
            throw new UsageException("A charter has 1 to 300 characters: what the group is for, like \"Get everyone"
                    + " comfortable with VPC peering\".");
        }
        GuildRef guild = flow.guild(args.option("guild").orElseThrow(() -> new UsageException(
                "Which guild is it part of? Add --guild <guild>, like /wg create " + slug + " --guild platform \""
                        + charter + "\". /guild list shows the guilds.")));
        if (!flow.store.inGuild(guild.id(), caller)) {
            throw new UsageException("Working groups are part of a guild: join " + guild.title() + " first (/guild join "
                    + guild.slug() + "), then create the group.");
        }
        int size = args.intOption("size", 1, MAX_SIZE).orElse(DEFAULT_SIZE);
        Optional<LocalDate> until = args.option("until").map(typed -> futureDate(flow, caller, typed, CREATE));
        Optional<ChannelId> linked = args.option("channel").map(typed -> channelNamed(request, typed));
        if (flow.store.openBySlug(slug).isPresent()) {
            throw new UsageException("There is an open working group called " + slug + " already. /wg info " + slug
                    + " shows it; pick another short name.");
        }
        WorkingGroup.Status status = linked.isPresent() ? WorkingGroup.Status.ACTIVE : WorkingGroup.Status.PENDING;
        long id = flow.store.insert(slug, guild.id(), charter, caller, size, until, status, linked, Optional.empty(),
                flow.now());
        flow.store.add(id, caller, WgStore.MEMBER, flow.now());
        until.ifPresent(date -> EndDates.schedule(flow, id, caller, date));
        String ends = until.map(date -> " It means to finish by " + date + ".").orElse("");
        if (linked.isPresent()) {
            WorkingGroup group = flow.store.byId(id).orElseThrow();
            ChannelSteps.announce(flow, group, guild);
            return Reply.of(Message.text("🧩 Created working group *" + slug + "* under " + guild.title() + " — you own"
                            + " it. It talks in " + WgFlow.channel(linked.get()) + "." + ends)
                    .withContext("People join with /wg join " + slug + " (" + size + " places)."));
        }
        long channelRequest = flow.outbox.createChannel("wg-" + slug, List.of(caller),
                WgFlow.besideFor(caller, guild.channel(), request.channel()), ChannelSteps.CHANNEL_SETTLED, id);
        flow.store.setChannelRequest(id, channelRequest);
        return Reply.of(Message.text("🧩 Setting up working group *" + slug + "* under " + guild.title() + ": I'm"
                        + " creating its channel #wg-" + slug + " and will message you when it's ready." + ends)
                .withContext("If the channel can't be made, nothing is kept and I'll tell you why. " + size
                        + " places for people to join."));
    }

    private static Reply join(WgFlow flow, CommandRequest request, Args args, GuildDirectory guilds) {
        WorkingGroup group = flow.activeGroup(one(args, JOIN));
        PersonId caller = request.caller().id();
        Optional<String> state = flow.store.state(group.id(), caller);
        if (state.isPresent()) {
            throw new UsageException(state.get().equals(WgStore.MEMBER)
                    ? "You're already in " + group.title() + ". /wg info " + group.slug() + " shows who else is."
                    : "You're already on the waitlist of " + group.title() + "; I'll tell you when a place frees up.");
        }
        List<Message> guildJoined = new ArrayList<>();
        if (!flow.store.inGuild(group.guildId(), caller)) {
            Guild guild = guilds.find(flow.work, group.guildId()).orElseThrow();
            guildJoined.add(Message.text("🏛 " + group.title() + " is part of the guild " + guild.title() + ", which"
                    + " you weren't in yet — so you've joined the guild too."));
            guildJoined.addAll(guilds.join(flow.work, guild, caller));
        }
        Reply joined = joinGroup(flow, group, caller);
        return new Reply(Stream.concat(joined.messages().stream(), guildJoined.stream()).toList());
    }

    private static Reply joinGroup(WgFlow flow, WorkingGroup group, PersonId caller) {
        int members = flow.store.joined(group);
        String name = flow.people.nameOf(caller);
        if (members < group.size()) {
            flow.store.add(group.id(), caller, WgStore.MEMBER, flow.now());
            group.channel().ifPresent(channel -> flow.outbox.post(channel, Message.text("👋 " + name + " joined "
                    + group.title() + " (" + (members + 1) + "/" + group.size() + ").")));
            return Reply.of(Message.text("👋 Welcome to " + group.title() + ": " + group.charter())
                    .withContext(group.channel().map(c -> "The group talks in " + WgFlow.channel(c) + ". ").orElse("")
                            + "/wg leave " + group.slug() + " leaves."));
        }
        flow.store.add(group.id(), caller, WgStore.WAITING, flow.now());
        int waiting = flow.store.count(group.id(), WgStore.WAITING);
        offerSplit(flow, group, name, waiting);
        return Reply.of(Message.text("⏳ " + group.title() + " is full (" + members + "/" + group.size() + " — small on"
                        + " purpose, so it can wait until everyone is on the same page). You're number " + waiting
                        + " on its waitlist; I'll tell you as soon as a place frees up.")
                .withContext("I've also asked the owner whether to split the group. /wg leave " + group.slug()
                        + " takes you off the waitlist."));
    }

    private static void offerSplit(WgFlow flow, WorkingGroup group, String joiner, int waiting) {
        Message offer = Message.text("⏳ " + group.title() + " is full, and " + joiner + " is on its waitlist ("
                        + waiting + " waiting). Split it? I'd start a second group with the same charter and move the"
                        + " waitlist into it.")
                .withButton(Message.Button.primary(WgButtons.SPLIT + ":" + group.id(), "Split off a second group"))
                .withContext("Or leave it: when someone leaves, the first on the waitlist moves in.");
        flow.outbox.sendDirect(group.owner(), offer);
    }

    private static Reply leave(WgFlow flow, CommandRequest request, Args args) {
        WorkingGroup group = flow.group(one(args, LEAVE));
        PersonId caller = request.caller().id();
        String state = flow.store.state(group.id(), caller).orElseThrow(() -> new UsageException(
                "You're not in " + group.title() + " or on its waitlist, so there's nothing to leave."));
        if (state.equals(WgStore.WAITING)) {
            flow.store.remove(group.id(), caller);
            return Reply.of("You're off the waitlist of " + group.title() + ".");
        }
        if (group.isOwner(caller)) {
            throw new UsageException("You own " + group.title() + ", so you can't leave it yet. Hand it to a member"
                    + " first (/wg handover " + group.slug() + " @person), or, when the work is done, close it: /wg close "
                    + group.slug() + " \"<summary>\".");
        }
        flow.store.remove(group.id(), caller);
        String name = flow.people.nameOf(caller);
        group.channel().ifPresent(channel -> flow.outbox.post(channel, Message.text("👋 " + name + " left "
                + group.title() + ".")));
        moveFirstWaitingIn(flow, group);
        return Reply.of("You left " + group.title() + ". /wg join " + group.slug() + " brings you back if there's room.");
    }

    private static Reply handover(WgFlow flow, CommandRequest request, Args args) {
        if (args.size() < 2) {
            throw new UsageException("Which group, and to whom? " + HANDOVER + ", like /wg handover vpc @bob.");
        }
        WorkingGroup group = flow.group(args.get(0));
        PersonId caller = request.caller().id();
        flow.requireOwner(group, caller, "hand it over");
        Person next = flow.people.mentioned(caller, args.restFrom(1), HANDOVER);
        if (next.id().equals(caller)) {
            throw new UsageException("You own " + group.title() + " already. Name the member who should take it on,"
                    + " like /wg handover " + group.slug() + " @bob.");
        }
        if (!WgStore.MEMBER.equals(flow.store.state(group.id(), next.id()).orElse(""))) {
            throw new UsageException(next.displayName() + " isn't a member of " + group.title() + ", and only a member"
                    + " can own it. Ask them to /wg join " + group.slug() + " first; /wg info " + group.slug()
                    + " shows who's in.");
        }
        flow.store.setOwner(group.id(), next.id());
        String from = flow.people.nameOf(caller);
        flow.outbox.sendDirect(next.id(), Message.text("🧭 " + from + " handed " + group.title() + " to you: you own it"
                        + " now. " + group.charter())
                .withContext("Owners plan the check-in (/wg checkin), move the end date (/wg extend) and close the group"
                        + " (/wg close). /wg help shows the rest."));
        group.channel().ifPresent(channel -> flow.outbox.post(channel, Message.text("🧭 " + next.displayName()
                + " now owns " + group.title() + ", taking over from " + from + ".")));
        return Reply.of("🧭 " + next.displayName() + " owns " + group.title() + " now, and has been told. You're still"
                + " a member: /wg leave " + group.slug() + " leaves.");
    }

    /** A place freed up: the first on the waitlist moves in and hears so. */
    static void moveFirstWaitingIn(WgFlow flow, WorkingGroup group) {
        List<WgStore.Person> waiting = flow.store.people(group.id(), WgStore.WAITING);
        if (waiting.isEmpty() || flow.store.joined(group) >= group.size()) {
            return;
        }
        WgStore.Person first = waiting.get(0);
        flow.store.setState(group.id(), first.id(), WgStore.MEMBER, flow.now());
        flow.outbox.sendDirect(first.id(), Message.text("🎉 A place opened in " + group.title() + " — you're in! "
                + group.charter() + group.channel().map(c -> "\nThe group talks in " + WgFlow.channel(c) + ".")
                .orElse("")));
        group.channel().ifPresent(channel -> flow.outbox.post(channel, Message.text("👋 " + first.name()
                + " moved in from the waitlist.")));
    }

    private static Reply list(WgFlow flow, CommandRequest request, Args raw) {
        Args args = raw.withOptions(Set.of("guild"), LIST);
        if (!args.isEmpty()) {
            throw new UsageException("/wg list takes only --guild <guild>. " + LIST);
        }
        return listPage(flow, args.option("guild").map(flow::guild), 0);
    }

    /** The "show more" button under a long list: {@code wg.list:25}, or {@code wg.list:25:k8s} for one guild's. */
    static Reply morePressed(WgFlow flow, String argument) {
        String[] parts = argument.split(":", 2);
        int from;
        try {
            from = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new UsageException("That button is not one I recognise any more. Type /wg list again.");
        }
        return listPage(flow, parts.length > 1 ? Optional.of(flow.guild(parts[1])) : Optional.empty(), Math.max(0, from));
    }

    private static Reply listPage(WgFlow flow, Optional<GuildRef> guild, int from) {
        List<WgStore.Listed> groups = flow.store.listOpen(guild.map(GuildRef::id));
        if (groups.isEmpty()) {
            return Reply.of("There are no open working groups" + guild.map(g -> " in " + g.title()).orElse("")
                    + " yet. Start one: " + CREATE);
        }
        if (from >= groups.size()) {
            throw new UsageException("There are only " + groups.size() + " open working groups now. /wg list shows"
                    + " them from the start.");
        }
        ListPage<WgStore.Listed> page = ListPage.of(groups, from, LIST_PAGE);
        Message message = Message.text("🧩 Working groups" + guild.map(g -> " in " + g.title()).orElse("")
                + (page.isPaged() ? " — " + page.shown() : ""));
        for (WgStore.Listed listed : page.items()) {
            WorkingGroup group = listed.group();
            message = message.withField(group.slug() + " (guild " + listed.guildSlug() + ")", group.charter() + " · "
                    + listed.members() + "/" + group.size() + (listed.waiting() > 0 ? " · " + listed.waiting()
                    + " waiting" : "") + group.channel().map(c -> " · " + WgFlow.channel(c)).orElse("")
                    + (group.status() == WorkingGroup.Status.PENDING ? " · being set up" : "")
                    + group.endsOn().map(d -> " · until " + d).orElse(""));
        }
        return Reply.of(page.withMore(message.withContext("/wg join <slug> to join one; /wg info <slug> for more."),
                MORE + guild.map(g -> ":" + g.slug()).orElse("")));
    }

    private static Reply info(WgFlow flow, CommandRequest request, Args args) {
        String slug = one(args, INFO).strip().toLowerCase(Locale.ROOT);
        WorkingGroup group = flow.store.anyBySlug(slug).orElseThrow(() -> new UsageException("There is no working"
                + " group called \"" + args.get(0) + "\". /wg list shows the open ones."));
        GuildRef guild = flow.store.guild(group.guildId());
        List<WgStore.Person> members = flow.store.people(group.id(), WgStore.MEMBER);
        List<WgStore.Person> waiting = flow.store.people(group.id(), WgStore.WAITING);
        Message message = Message.text("🧩 " + group.title() + " — " + group.charter())
                .withField("Guild", guild.title())
                .withField("Owner", flow.people.nameOf(group.owner()))
                .withField("Members (" + flow.store.joined(group) + "/" + group.size() + " joined, plus the owner)",
                        String.join(", ", members.stream().map(WgStore.Person::name).toList()));
        if (!waiting.isEmpty()) {
            message = message.withField("Waitlist", String.join(", ", waiting.stream().map(WgStore.Person::name)
                    .toList()));
        }
        message = message.withField("Channel", group.channel().map(WgFlow::channel).orElse(
                group.status() == WorkingGroup.Status.PENDING ? "being created" : "none"));
        if (group.endsOn().isPresent()) {
            message = message.withField("Ends", group.endsOn().get().toString());
        }
        Optional<String> checkin = Checkins.describe(flow, group);
        if (checkin.isPresent()) {
            message = message.withField("Check-in", checkin.get());
        }
        if (group.status() == WorkingGroup.Status.CLOSED) {
            return Reply.of(message.withField("Closed — summary", flow.store.summary(group.id()))
                    .withContext("/wg list shows the groups still open."));
        }
        Optional<String> state = flow.store.state(group.id(), request.caller().id());
        return Reply.of(message.withContext(state.map(s -> s.equals(WgStore.MEMBER) ? "You're a member."
                : "You're on the waitlist.").orElse("/wg join " + group.slug() + " to join.")));
    }

    private static Reply extend(WgFlow flow, CommandRequest request, Args args) {
        if (args.size() != 2) {
            throw new UsageException("Type " + EXTEND + ".");
        }
        WorkingGroup group = flow.group(args.get(0));
        PersonId caller = request.caller().id();
        flow.requireOwner(group, caller, "move its end date");
        LocalDate date = futureDate(flow, caller, args.get(1), EXTEND);
        extendTo(flow, group, date);
        return Reply.of("📅 " + group.title() + " now means to finish by " + date + ". I'll check in with you the day"
                + " after.");
    }

    static void extendTo(WgFlow flow, WorkingGroup group, LocalDate date) {
        flow.store.setEndsOn(group.id(), date);
        flow.tasks.cancel(EndDates.NUDGE, group.id());
        EndDates.schedule(flow, group.id(), group.owner(), date);
    }

    static LocalDate futureDate(WgFlow flow, PersonId caller, String typed, String usage) {
        LocalDate date;
        try {
            date = LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException("\"" + typed + "\" isn't a date I can read: write it like 2027-01-31. " + usage);
        }
        if (!date.isAfter(flow.today(caller))) {
            throw new UsageException(date + " isn't ahead of today (" + flow.today(caller) + "): pick a later date.");
        }
        return date;
    }

    /** A channel as written ({@code #k8s}, Slack's link), or {@code here}: the channel the command was typed in. */
    private static ChannelId channelNamed(CommandRequest request, String written) {
        if (written.equalsIgnoreCase("here")) {
            return request.channel().orElseThrow(() -> new UsageException("\"here\" means the channel you type in,"
                    + " but this is a direct message. Type the command in the group's channel, or name it with #."));
        }
        return Mentions.channel(request.caller().id(), written).orElseThrow(() -> new UsageException(
                "I can't tell which channel " + written + " is. Pick it from the list as you type # so your chat app"
                        + " links it — or type the command in that channel with --channel here."));
    }

    /** The one group slug a subcommand takes. */
    static String one(Args args, String usage) {
        if (args.size() != 1) {
            throw new UsageException((args.isEmpty() ? "Which working group? " : "Just the group's short name,"
                    + " please. ") + usage + ". /wg list shows the open ones.");
        }
        return args.get(0);
    }
}
