package dev.guildhall.guild;

import dev.guildhall.guild.api.Guild;
import dev.guildhall.guild.api.GuildLeaving;
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

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Creating guilds, joining and leaving, listing, leads and notification settings. */
final class MembershipCommands {
    static final String CREATE = "/guild create <slug> \"<name>\" [#channel|here] [--tz Europe/Berlin] — start a"
            + " guild; you become its first lead";
    static final String JOIN = "/guild join <slug> — join a guild";
    static final String LEAVE = "/guild leave <slug> — leave a guild";
    static final String LIST = "/guild list — all guilds";
    static final String INFO = "/guild info <slug> — a guild's channel, leads and size";
    static final String MEMBERS = "/guild members <slug> — who is in a guild";
    static final String LEAD = "/guild lead add|remove <slug> @person — leads only: make someone a lead or not"
            + " (a guild keeps at least one)";
    static final String NOTIFY = "/guild notify <slug> on|off — announcements and meetup reminders by DM (on by default)";
    static final String CHANNEL = "/guild channel <slug> #channel|here|none — leads only: link the channel the guild"
            + " posts in (here: the one you type in)";
    static final String ZONE = "/guild zone <slug> <zone> — leads only: the time zone meetups are planned in, like"
            + " Europe/Berlin";
    private static final int MEMBERS_SHOWN = 50;
    private static final int MEETUPS_SHOWN_ON_JOIN = 3;
    /** The button under a long guild list that shows its next page. */
    static final String MORE = "guild.list";
    static final int LIST_PAGE = 25;

    private MembershipCommands() {
    }

    /** {@code leaving}: what other capabilities undo when someone leaves a guild. */
    static List<Subcommand> all(List<GuildLeaving> leaving) {
        return List.of(
                new Subcommand("create", CREATE, MembershipCommands::create),
                new Subcommand("join", JOIN, MembershipCommands::join),
                new Subcommand("leave", LEAVE, (flow, request, args) -> leave(flow, request, args, leaving)),
                new Subcommand("list", LIST, MembershipCommands::list),
                new Subcommand("info", INFO, MembershipCommands::info),
                new Subcommand("members", MEMBERS, MembershipCommands::members),
                new Subcommand("lead", LEAD, MembershipCommands::lead),
                new Subcommand("notify", NOTIFY, MembershipCommands::notifySetting),
                new Subcommand("channel", CHANNEL, MembershipCommands::channel),
                new Subcommand("zone", ZONE, MembershipCommands::zone));
    }

    private static Reply create(GuildFlow flow, CommandRequest request, Args raw) {
        Args args = raw.withOptions(Set.of("tz"), CREATE);
        PersonId caller = request.caller().id();
        if (args.isEmpty()) {
            throw new UsageException("Name the guild: " + CREATE + ", like /guild create k8s \"Kubernetes guild\".");
        }
        String slug = GuildFlow.slug(args.get(0));
        Optional<ChannelId> channel = Optional.empty();
        int nameEnd = args.size();
        String last = args.get(args.size() - 1);
        if (args.size() > 1 && !args.isQuoted(args.size() - 1)
                && (Mentions.looksLikeChannel(last) || (args.size() > 2 && last.equalsIgnoreCase("here")))) {
            channel = Optional.of(channelNamed(request, last));
            nameEnd--;
        }
        if (nameEnd < 2) {
            throw new UsageException("Give the guild a name too: " + CREATE + ", like /guild create " + slug
                    + " \"Kubernetes guild\".");
        }
        if (nameEnd > 2) {
            throw new UsageException("A name of several words goes in quotes: /guild create " + slug + " \""
                    + args.restFrom(1).replace("\"", "") + "\".");
        }
        String name = args.get(1).strip();
        if (name.isEmpty() || name.length() > 80) {
            throw new UsageException("A guild's name has 1 to 80 characters, like \"Kubernetes guild\".");
        }
        Optional<ZoneId> zone = args.option("tz").map(MeetupTimes::zone);
        if (flow.store.bySlug(slug).isPresent()) {
            throw new UsageException("There is a guild called " + slug + " already. /guild info " + slug
                    + " shows it; pick another short name for a new one.");
        }
        long id = flow.store.insertGuild(slug, name, channel, zone, caller, flow.now());
        flow.store.insertMember(id, caller, Role.LEAD, flow.now());
        String where = channel.map(c -> " It posts in " + GuildMessages.channel(c) + ".").orElse("");
        return Reply.of(Message.text("🏛 Created *" + name + "* (" + slug + ") — you're its lead." + where)
                .withContext("People join with /guild join " + slug + ". Add co-leads with /guild lead add " + slug
                        + " @person, so the guild never depends on one person."));
    }

    private static Reply join(GuildFlow flow, CommandRequest request, Args args) {
        Guild guild = flow.guild(one(args, JOIN));
        PersonId caller = request.caller().id();
        if (flow.store.member(guild.id(), caller).isPresent()) {
            throw new UsageException("You're already in " + guild.title() + ". /guild info " + guild.slug()
                    + " shows what's on.");
        }
        return new Reply(join(flow, guild, caller));
    }

    /** Makes someone a member: the welcome, then the guild's next meetups, each with its RSVP buttons. */
    static List<Message> join(GuildFlow flow, Guild guild, PersonId person) {
        flow.store.insertMember(guild.id(), person, Role.MEMBER, flow.now());
        List<Message> messages = new ArrayList<>();
        messages.add(Message.text("👋 Welcome to " + guild.title() + "! You'll get its announcements and meetup"
                        + " reminders by DM.")
                .withContext("/guild notify " + guild.slug() + " off stops the DMs; /guild leave " + guild.slug()
                        + " leaves."));
        List<Meetup> upcoming = new MeetupStore(flow.work.handle()).upcoming(guild.id(), flow.now());
        upcoming.stream().limit(MEETUPS_SHOWN_ON_JOIN).forEach(meetup -> messages.add(MeetupReminders.message(
                flow.people, guild, meetup, person, "📅 Coming up", true)));
        if (upcoming.size() > MEETUPS_SHOWN_ON_JOIN) {
            messages.add(Message.text("… and " + (upcoming.size() - MEETUPS_SHOWN_ON_JOIN) + " more: /guild meetups "
                    + guild.slug() + "."));
        }
        return messages;
    }

    private static Reply leave(GuildFlow flow, CommandRequest request, Args args, List<GuildLeaving> leaving) {
        Guild guild = flow.guild(one(args, LEAVE));
        PersonId caller = request.caller().id();
        Member member = flow.store.member(guild.id(), caller).orElseThrow(() -> new UsageException(
                "You're not in " + guild.title() + ", so there's nothing to leave."));
        if (member.isLead() && flow.store.leads(guild.id()).size() == 1) {
            throw new UsageException("You're the only lead of " + guild.title() + ", and a guild always keeps one."
                    + " Make someone else a lead first: /guild lead add " + guild.slug() + " @person.");
        }
        for (GuildLeaving capability : leaving) {
            capability.refusal(flow.work, guild, caller).ifPresent(why -> {
                throw new UsageException(why);
            });
        }
        flow.store.removeMember(guild.id(), caller);
        List<String> notes = new ArrayList<>(SyllabusCommands.ownerLeft(flow, guild, caller));
        leaving.forEach(capability -> notes.addAll(capability.left(flow.work, guild, caller)));
        return Reply.of("You left " + guild.title() + ". /guild join " + guild.slug() + " brings you back any time."
                + notes.stream().map(note -> " " + note).collect(Collectors.joining()));
    }

    private static Reply list(GuildFlow flow, CommandRequest request, Args args) {
        if (!args.isEmpty()) {
            throw new UsageException("/guild list takes nothing after it. " + LIST);
        }
        return listPage(flow, request.caller().id(), 0);
    }

    /** A page of the guilds; a long list ends with a button for the next page ({@link #MORE}). */
    static Reply listPage(GuildFlow flow, PersonId viewer, int from) {
        List<GuildStore.Listed> guilds = flow.store.list(viewer);
        if (guilds.isEmpty()) {
            return Reply.of("There are no guilds yet. Start one: " + CREATE);
        }
        if (from >= guilds.size()) {
            throw new UsageException("There are only " + guilds.size() + " guilds now. /guild list shows them from the"
                    + " start.");
        }
        ListPage<GuildStore.Listed> page = ListPage.of(guilds, from, LIST_PAGE);
        Message message = Message.text("🏛 Guilds" + (page.isPaged() ? " — " + page.shown() : ""));
        for (GuildStore.Listed listed : page.items()) {
            Guild guild = listed.guild();
            message = message.withField(guild.name() + " (" + guild.slug() + ")", listed.members() + " member"
                    + (listed.members() == 1 ? "" : "s") + (listed.joined() ? " · you're in" : "")
                    + guild.channel().map(c -> " · " + GuildMessages.channel(c)).orElse(""));
        }
        return Reply.of(page.withMore(message.withContext("/guild join <slug> to join one; /guild info <slug> for"
                + " more."), MORE));
    }

    private static Reply info(GuildFlow flow, CommandRequest request, Args args) {
        Guild guild = flow.guild(one(args, INFO));
        List<Member> leads = flow.store.leads(guild.id());
        Message message = Message.text("🏛 " + guild.title())
                .withField("Leads", String.join(", ", leads.stream().map(Member::displayName).toList()))
                .withField("Members", String.valueOf(flow.store.memberCount(guild.id())))
                .withField("Channel", guild.channel().map(GuildMessages::channel).orElse("none linked"))
                .withField("Time zone", guild.timeZone().map(ZoneId::getId).orElse("the scheduling lead's"));
        Optional<Meetup> next = new MeetupStore(flow.store.handle()).next(guild.id(), flow.now());
        if (next.isPresent()) {
            message = message.withField("Next meetup", next.get().title() + " — " + GuildMessages.when(
                    next.get().startsAt(), flow.people.zoneOf(request.caller().id()).orElse(next.get().zone())));
        }
        boolean in = flow.store.member(guild.id(), request.caller().id()).isPresent();
        return Reply.of(message.withContext(in ? "You're a member." : "/guild join " + guild.slug() + " to join."));
    }

    private static Reply members(GuildFlow flow, CommandRequest request, Args args) {
        Guild guild = flow.guild(one(args, MEMBERS));
        List<Member> members = flow.store.members(guild.id());
        StringBuilder text = new StringBuilder("👥 " + guild.title() + " — " + members.size() + " member"
                + (members.size() == 1 ? "" : "s"));
        members.stream().limit(MEMBERS_SHOWN).forEach(m -> text.append("\n• ").append(m.displayName())
                .append(m.isLead() ? " (lead)" : ""));
        if (members.size() > MEMBERS_SHOWN) {
            text.append("\n… and ").append(members.size() - MEMBERS_SHOWN).append(" more");
        }
        return Reply.of(text.toString());
    }

    private static Reply lead(GuildFlow flow, CommandRequest request, Args args) {
        if (args.size() < 3 || !Set.of("add", "remove").contains(args.first())) {
            throw new UsageException("Type " + LEAD + ", like /guild lead add k8s @bob.");
        }
        boolean add = args.first().equals("add");
        Guild guild = flow.guild(args.get(1));
        PersonId caller = request.caller().id();
        flow.requireLead(guild, caller, add ? "add leads" : "remove leads");
        String written = args.restFrom(2);
        Person target = flow.mentioned(caller, written, LEAD);
        Optional<Member> member = flow.store.member(guild.id(), target.id());
        if (add) {
            if (member.isPresent() && member.get().isLead()) {
                throw new UsageException(target.displayName() + " is already a lead of " + guild.title() + ".");
            }
            if (member.isPresent()) {
                flow.store.setRole(guild.id(), target.id(), Role.LEAD);
            } else {
                flow.store.insertMember(guild.id(), target.id(), Role.LEAD, flow.now());
            }
            if (!target.id().equals(caller)) {
                flow.outbox.sendDirect(target.id(), Message.text("🏛 " + flow.people.nameOf(caller) + " made you a lead"
                        + " of " + guild.title() + ". You can now announce (/guild announce " + guild.slug()
                        + " …) and plan meetups (/guild meetup help)."));
            }
            Optional<Mentions.Mention> byName = Mentions.person(caller, written)
                    .filter(mention -> mention instanceof Mentions.ByName);
            if (byName.isPresent()) {
                // A plain name (an app installed before mentions arrived by id) may not be whom the lead meant.
                return Reply.of(Message.text("I made " + byName.get().shown() + " (" + target.displayName() + ") a lead"
                        + " of " + guild.title() + " — not who you meant? Press Undo, then pick them as you type @.")
                        .withButton(GuildButtons.undoLead(guild, target.id(), member.isPresent())));
            }
            return Reply.of(target.displayName() + " is now a lead of " + guild.title() + ".");
        }
        if (member.isEmpty() || !member.get().isLead()) {
            throw new UsageException(target.displayName() + " isn't a lead of " + guild.title() + ". /guild info "
                    + guild.slug() + " shows who is.");
        }
        if (flow.store.leads(guild.id()).size() == 1) {
            throw new UsageException(target.displayName() + " is the only lead of " + guild.title() + ", and a guild"
                    + " always keeps one. Add another lead first: /guild lead add " + guild.slug() + " @person.");
        }
        flow.store.setRole(guild.id(), target.id(), Role.MEMBER);
        if (!target.id().equals(caller)) {
            flow.outbox.sendDirect(target.id(), Message.text("🏛 " + flow.people.nameOf(caller) + " made you a member"
                    + " of " + guild.title() + " again, no longer a lead. You're still in the guild; thank you for"
                    + " leading it!"));
        }
        return Reply.of(target.displayName() + " is no longer a lead of " + guild.title() + " (still a member).");
    }

    private static Reply notifySetting(GuildFlow flow, CommandRequest request, Args args) {
        if (args.size() != 2 || !Set.of("on", "off").contains(args.get(1).toLowerCase(java.util.Locale.ROOT))) {
            throw new UsageException("Type " + NOTIFY + ", like /guild notify k8s off.");
        }
        Guild guild = flow.guild(args.get(0));
        Member member = flow.requireMember(guild, request.caller().id());
        boolean on = args.get(1).equalsIgnoreCase("on");
        if (member.wantsDms() == on) {
            return Reply.of("Notifications from " + guild.title() + " are already " + (on ? "on" : "off") + ".");
        }
        flow.store.setNotify(guild.id(), member.person(), on);
        return Reply.of(on ? "🔔 You'll get " + guild.title() + "'s announcements and meetup reminders by DM."
                : "🔕 No more DMs from " + guild.title() + " (you're still a member; meetups you said you're going"
                + " to still remind you). /guild notify " + guild.slug() + " on turns them back on.");
    }

    private static Reply channel(GuildFlow flow, CommandRequest request, Args args) {
        if (args.size() != 2) {
            throw new UsageException("Type " + CHANNEL + ", like /guild channel k8s #k8s.");
        }
        Guild guild = flow.guild(args.get(0));
        PersonId caller = request.caller().id();
        flow.requireLead(guild, caller, "link a channel");
        Optional<ChannelId> channel = Optional.empty();
        if (!args.get(1).equalsIgnoreCase("none")) {
            channel = Optional.of(channelNamed(request, args.get(1)));
        }
        flow.store.setChannel(guild.id(), channel);
        return Reply.of(channel.map(c -> guild.title() + " now posts in " + GuildMessages.channel(c) + ".")
                .orElse(guild.title() + " has no channel now; announcements go by DM only."));
    }

    private static Reply zone(GuildFlow flow, CommandRequest request, Args args) {
        if (args.size() != 2) {
            throw new UsageException("Type " + ZONE + ", like /guild zone k8s Europe/Berlin.");
        }
        Guild guild = flow.guild(args.get(0));
        flow.requireLead(guild, request.caller().id(), "set the guild's time zone");
        ZoneId zone = MeetupTimes.zone(args.get(1));
        flow.store.setZone(guild.id(), zone);
        return Reply.of(guild.title() + " plans meetups in " + zone.getId() + " now (meetups already planned keep"
                + " theirs). Members still see every time in their own zone.");
    }

    /** A channel as written ({@code #k8s}, Slack's link), or {@code here}: the channel the command was typed in. */
    private static ChannelId channelNamed(CommandRequest request, String written) {
        if (written.equalsIgnoreCase("here")) {
            return request.channel().orElseThrow(() -> new UsageException("\"here\" means the channel you type in,"
                    + " but this is a direct message. Type the command in the guild's channel, or name it with #."));
        }
        return Mentions.channel(request.caller().id(), written).orElseThrow(() -> new UsageException(
                "I can't tell which channel " + written + " is. Pick it from the list as you type # so your chat app"
                        + " links it — or type the command in that channel and write here instead."));
    }

    /** The one guild slug a subcommand takes. */
    static String one(Args args, String usage) {
        if (args.size() != 1) {
            throw new UsageException((args.isEmpty() ? "Which guild? " : "Just the guild's short name, please. ")
                    + usage + ". /guild list shows the guilds.");
        }
        return args.get(0);
    }
}
