package dev.guildhall.guild;

import dev.guildhall.guild.api.Guild;
import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;

import java.util.List;

/**
 * Speakers, so teaching is not one person's job: any member proposes a talk, leads see the proposals and schedule
 * one into a meetup, and the speaker then gets that meetup's reminders.
 */
final class SpeakerCommands {
    static final String PROPOSE = "/guild propose <slug> \"<talk title>\" — offer a talk to a guild you're in";
    static final String PROPOSALS = "/guild proposals <slug> — leads only: talks members have offered";
    static final String SCHEDULE = "/guild schedule <proposal id> <meetup id> — leads only: put a proposed talk into a"
            + " meetup";

    private SpeakerCommands() {
    }

    static List<Subcommand> all() {
        return List.of(
                new Subcommand("propose", PROPOSE, SpeakerCommands::propose),
                new Subcommand("proposals", PROPOSALS, SpeakerCommands::proposals),
                new Subcommand("schedule", SCHEDULE, SpeakerCommands::schedule));
    }

    private static Reply propose(GuildFlow flow, CommandRequest request, Args args) {
        if (args.size() < 2) {
            throw new UsageException("Which guild, and what's the talk? " + PROPOSE + ", like /guild propose k8s"
                    + " \"Operators in 20 minutes\".");
        }
        Guild guild = flow.guild(args.get(0));
        PersonId speaker = request.caller().id();
        flow.requireMember(guild, speaker);
        String title = (args.size() == 2 ? args.get(1) : args.restFrom(1)).strip();
        if (title.isEmpty() || title.length() > 150) {
            throw new UsageException("A talk's title has 1 to 150 characters, like \"Operators in 20 minutes\".");
        }
        MeetupStore store = new MeetupStore(flow.work.handle());
        store.openTalkTitled(guild.id(), speaker, title).ifPresent(earlier -> {
            throw new UsageException("You've offered *" + earlier.title() + "* to " + guild.title() + " already ("
                    + "proposal #" + earlier.id() + (earlier.meetupId().map(m -> ", in meetup #" + m).orElse("")
                    + "). One proposal per talk is enough — the leads have it."));
        });
        long id = store.insertTalk(guild.id(), speaker, title, flow.now());
        String name = flow.people.nameOf(speaker);
        for (Member lead : flow.store.leads(guild.id())) {
            if (!lead.person().equals(speaker)) {
                flow.outbox.sendDirect(lead.person(), Message.text("🎤 " + name + " offers a talk to " + guild.title()
                                + ": *" + title + "* (proposal #" + id + ").")
                        .withContext("Put it into a meetup with /guild schedule " + id + " <meetup id>; /guild meetups "
                                + guild.slug() + " shows the ids."));
            }
        }
        return Reply.of("🎤 Thanks! Your talk *" + title + "* is proposal #" + id + " in " + guild.title()
                + ". The leads have been told; you'll hear when it's in a meetup.");
    }

    private static Reply proposals(GuildFlow flow, CommandRequest request, Args args) {
        Guild guild = flow.guild(MembershipCommands.one(args, PROPOSALS));
        flow.requireLead(guild, request.caller().id(), "see talk proposals");
        List<MeetupStore.Talk> talks = new MeetupStore(flow.work.handle()).proposedTalks(guild.id());
        if (talks.isEmpty()) {
            return Reply.of("No talk proposals in " + guild.title() + " right now. Members offer talks with "
                    + PROPOSE.substring(0, PROPOSE.indexOf(" —")) + ".");
        }
        Message message = Message.text("🎤 Talks offered in " + guild.title());
        for (MeetupStore.Talk talk : talks) {
            message = message.withField("#" + talk.id() + " " + talk.title(), "by " + flow.people.nameOf(talk.speaker()));
        }
        return Reply.of(message.withContext("/guild schedule <proposal id> <meetup id> puts one into a meetup."));
    }

    private static Reply schedule(GuildFlow flow, CommandRequest request, Args args) {
        if (args.size() != 2) {
            throw new UsageException("Which talk, and which meetup? " + SCHEDULE + ", like /guild schedule 3 7.");
        }
        long talkId = id(args.get(0), "proposal");
        long meetupId = id(args.get(1), "meetup");
        MeetupStore store = new MeetupStore(flow.work.handle());
        MeetupStore.Talk talk = store.talk(talkId).orElseThrow(() -> new UsageException("There is no talk proposal #"
                + talkId + ". /guild proposals <slug> shows them."));
        Guild guild = flow.store.byId(talk.guildId()).orElseThrow();
        flow.requireLead(guild, request.caller().id(), "schedule talks");
        if (!talk.status().equals("PROPOSED")) {
            throw new UsageException("Proposal #" + talkId + " is already in meetup #" + talk.meetupId().orElse(0L)
                    + ".");
        }
        Meetup meetup = store.byId(meetupId).filter(m -> m.guildId() == guild.id()).orElseThrow(() ->
                new UsageException("There is no meetup #" + meetupId + " in " + guild.title() + ". /guild meetups "
                        + guild.slug() + " shows them."));
        if (!meetup.isScheduled() || !meetup.startsAt().isAfter(flow.now())) {
            throw new UsageException("Meetup #" + meetupId + " is cancelled or over. /guild meetups " + guild.slug()
                    + " shows the ones ahead.");
        }
        if (meetup.speaker().isPresent()) {
            throw new UsageException("Meetup #" + meetupId + " already has a speaker ("
                    + flow.people.nameOf(meetup.speaker().get()) + "). Pick another meetup, or plan a new one with"
                    + " /guild meetup.");
        }
        store.setSpeaker(meetupId, talk.speaker(), talk.title());
        store.scheduleTalk(talkId, meetupId);
        // Someone giving the talk is coming: counted going, and reminded like anyone going.
        store.rsvp(meetupId, talk.speaker(), true, flow.now());
        String when = GuildMessages.when(meetup.startsAt(), flow.people.zoneOf(talk.speaker()).orElse(meetup.zone()));
        flow.outbox.sendDirect(talk.speaker(), Message.text("🎤 Your talk *" + talk.title() + "* is on at *"
                + meetup.title() + "* (" + guild.name() + "), " + when + ". You'll get the meetup's reminders too —"
                + " thank you for teaching!"));
        String speaker = flow.people.nameOf(talk.speaker());
        guild.channel().ifPresent(channel -> flow.outbox.post(channel, Message.text("🎤 At *" + meetup.title()
                + "* — " + GuildMessages.when(meetup.startsAt(), meetup.zone()) + " — " + speaker + " speaks on *"
                + talk.title() + "*.")));
        return Reply.of("🎤 " + speaker + "'s talk *" + talk.title() + "* is in meetup #" + meetupId + " (*"
                + meetup.title() + "*). They've been told and will get its reminders.");
    }

    private static long id(String typed, String what) {
        try {
            return Long.parseLong(typed.replace("#", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("\"" + typed + "\" isn't a " + what + " id — ids are numbers, like 3.");
        }
    }
}
