package dev.guildhall.mentorship;

import dev.guildhall.topic.Topics;
import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.command.NearMiss;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.Message.Button;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /learn}: open a ticket, see the board, list, cancel or finish your tickets. */
final class LearnCommand {
    static final String USAGE = """
            /learn <topic> [what you want to get out of it] — ask for a teacher, e.g. /learn kubernetes deploy my first service
            /learn board [topic] — who wants to learn what; take a ticket to teach it
            /learn list — your open tickets
            /learn cancel <ticket> — withdraw a ticket
            /learn done <ticket> — close a ticket once you understand it (or go through it again)
            /learn thanks <ticket> <one line> — thank your teacher at the end; only they see it
            Topics of several words go in quotes: /learn "machine learning\"""";
    static final int MAX_GOAL_LENGTH = 500;
    private static final Set<String> SUBCOMMANDS = Set.of("board", "list", "cancel", "done", "thanks", "help");
    private static final Set<String> TAKING_A_TICKET = Set.of("cancel", "done", "thanks");
    private static final int BOARD_TOPICS = 15;
    private static final int BOARD_TICKETS_PER_TOPIC = 5;

    private final Topics topics;
    private final MentorshipSettings settings;

    LearnCommand(Topics topics, MentorshipSettings settings) {
        this.topics = topics;
        this.settings = settings;
    }

    CommandSpec spec() {
        return new CommandSpec("learn", "ask for a teacher, see who wants to learn what", USAGE, this::handle);
    }

    private Reply handle(CommandRequest request) {
        Args args = request.args().withOptions(Set.of(), USAGE);
        MentorshipFlow flow = new MentorshipFlow(request.work(), settings);
        PersonId caller = request.caller().id();
        boolean quoted = !args.isEmpty() && args.isQuoted(0);
        return switch (quoted ? "" : args.first()) {
            case "board" -> board(flow, args.shift());
            case "list" -> list(flow, caller, args.shift());
            case "cancel" -> cancel(flow, caller, args.shift());
            case "done" -> done(flow, caller, args.shift());
            case "thanks" -> thanks(flow, caller, args.shift());
            default -> open(flow, caller, args, quoted);
        };
    }

    private Reply open(MentorshipFlow flow, PersonId learner, Args args, boolean quoted) {
        if (args.isEmpty()) {
            throw new UsageException("What would you like to learn? Type /learn <topic>, like /learn kubernetes.\n" + USAGE);
        }
        if (!quoted && args.size() == 2 && args.get(1).matches("#?\\d+")) {
            // "/learn dnoe 12": a ticket number can't be what someone wants out of a topic.
            NearMiss.of(args.first(), TAKING_A_TICKET).ifPresent(meant -> {
                throw new UsageException("Did you mean /learn " + meant + " " + args.get(1) + "? To learn a topic"
                        + " called \"" + args.get(0) + "\", add what you want to get out of it.");
            });
        }
        String topic = topics.normalize(args.get(0));
        String goal = args.restFrom(1);
        if (goal.length() > MAX_GOAL_LENGTH) {
            throw new UsageException("Please keep what you want to get out of it under " + MAX_GOAL_LENGTH
                    + " characters (that was " + goal.length() + "); your teacher can hear the rest.");
        }
        if (goal.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new UsageException("What you want to get out of it contains control characters. Type it as plain text.");
        }
        flow.store.openTicket(learner, topic).ifPresent(existing -> {
            throw new UsageException("You already have ticket #" + existing.id() + " for " + topic + " ("
                    + existing.status().describe() + "). /learn list shows it.");
        });
        long id = flow.store.insertTicket(learner, topic, goal, flow.now());
        Ticket ticket = flow.ticket(id);
        boolean proposed = flow.propose(ticket, "", false);
        String opened = "🎫 Ticket #" + id + ": you want to learn *" + topic + "*. ";
        if (proposed) {
            return Reply.of(opened + "I've found a teacher and asked them — the details are in your DMs.");
        }
        WhyWaiting why = WhyWaiting.of(flow, ticket);
        for (PersonId teacher : why.taughtBefore(ticket)) {
            flow.outbox.sendDirect(teacher, Message.text("🎫 " + flow.people.nameOf(learner) + " wants to learn *"
                    + topic + "* again (ticket #" + id + "). You taught them already, so I won't propose you"
                    + " again; if you'd like to pick it up, take it from /learn board " + topic + "."));
        }
        String invited = new TeachInvitations(flow).whoWasAsked(topic);
        return Reply.of(Message.text(opened + flow.noTeacherYet(ticket, why, invited))
                .withContext("Meanwhile, /learn board shows who else wants to learn what."));
    }

    private Reply board(MentorshipFlow flow, Args args) {
        if (args.size() > 1) {
            throw new UsageException("/learn board takes at most one topic, like /learn board kafka.");
        }
        Optional<String> topic = args.isEmpty() ? Optional.empty() : Optional.of(topics.normalize(args.get(0)));
        Map<String, Integer> demand = flow.store.demand(topic, BOARD_TOPICS);
        if (demand.isEmpty()) {
            return Reply.of(topic.map(t -> "Nobody is waiting to learn *" + t + "* right now. /learn " + t
                            + " opens a ticket if you want to.")
                    .orElse("Nobody is waiting for a teacher right now 🎉 /learn <topic> opens a ticket."));
        }
        List<Message> messages = new ArrayList<>();
        messages.add(Message.text("📋 *Learning board* — tickets waiting for a teacher. Take one to teach it."));
        Map<String, List<Ticket>> shown = flow.store.waitingTickets(demand.keySet(), BOARD_TICKETS_PER_TOPIC);
        List<Ticket> all = shown.values().stream().flatMap(List::stream).toList();
        Set<Long> privateGoals = flow.store.privateGoals(all.stream().filter(t -> t.goal() != null)
                .map(Ticket::id).toList());
        Map<PersonId, String> names = flow.people.namesOf(all.stream().map(Ticket::learner).toList());
        demand.forEach((name, waiting) -> {
            Message message = Message.text("*" + name + "* — " + waiting + (waiting == 1 ? " person wants" : " people want")
                    + " to learn it");
            for (Ticket ticket : shown.getOrDefault(name, List.of()).stream()
                    .map(ticket -> MentorshipStore.shownToOthers(ticket, privateGoals)).toList()) {
                String who = names.get(ticket.learner());
                message = message.withField("#" + ticket.id() + " " + who + " · waiting " + waited(ticket, flow.now()),
                                ticket.goal() == null ? "(no details)" : ticket.goal())
                        .withButton(Button.of(MentorshipMessages.TAKE + ":" + ticket.id(), "Take #" + ticket.id()));
            }
            if (waiting > BOARD_TICKETS_PER_TOPIC) {
                message = message.withContext("Oldest " + BOARD_TICKETS_PER_TOPIC + " shown.");
            }
            messages.add(message);
        });
        return new Reply(messages);
    }

    private static String waited(Ticket ticket, Instant now) {
        Duration waited = Duration.between(ticket.createdAt(), now);
        if (waited.toDays() >= 1) {
            return waited.toDays() + (waited.toDays() == 1 ? " day" : " days");
        }
        if (waited.toHours() >= 1) {
            return waited.toHours() + " h";
        }
        return "under an hour";
    }

    private Reply list(MentorshipFlow flow, PersonId learner, Args args) {
        if (!args.isEmpty()) {
            throw new UsageException("/learn list takes nothing after it; it lists your open tickets.");
        }
        List<Ticket> tickets = flow.store.openTicketsOf(learner);
        if (tickets.isEmpty()) {
            return Reply.of("You have no open tickets. /learn <topic> opens one.");
        }
        Message message = Message.text("🎫 Your open tickets");
        for (Ticket ticket : tickets) {
            String state = ticket.status().describe();
            Optional<Match> match = flow.store.activeMatch(ticket.id());
            if (match.isPresent()) {
                String teacher = flow.people.nameOf(match.get().teacher());
                state = match.get().status() == MatchStatus.ACCEPTED ? "learning with " + teacher
                        : "waiting for " + teacher + " to answer";
            }
            message = message.withField("#" + ticket.id() + " " + ticket.topic(), state);
        }
        return Reply.of(message.withContext("/learn cancel <ticket> withdraws one; /learn done <ticket> closes it."));
    }

    private Reply cancel(MentorshipFlow flow, PersonId caller, Args args) {
        Ticket ticket = ownTicket(flow, caller, args, "cancel");
        if (!ticket.status().isOpen()) {
            throw new UsageException("Ticket #" + ticket.id() + " is already " + ticket.status().describe() + ".");
        }
        flow.store.activeMatch(ticket.id()).ifPresent(match -> {
            if (match.status() == MatchStatus.PROPOSED) {
                flow.store.answer(match.id(), MatchStatus.WITHDRAWN, flow.now());
                if (match.proposalMessageId() != null) {
                    flow.outbox.update(match.proposalMessageId(), flow.messages.withdrawnForTeacher(ticket));
                }
            } else {
                flow.store.end(match.id(), MatchStatus.CANCELLED, flow.now());
                new PairFollowUp(flow).endFollowUps(match.id());
                flow.outbox.sendDirect(match.teacher(), flow.messages.cancelledForTeacher(ticket));
            }
        });
        flow.store.setTicketStatus(ticket.id(), TicketStatus.CANCELLED, flow.now());
        flow.matchWaiting(ticket.topic());
        return Reply.of("Cancelled ticket #" + ticket.id() + " (" + ticket.topic() + ").");
    }

    private Reply done(MentorshipFlow flow, PersonId caller, Args args) {
        long id = ticketNumber(args, "done");
        Ticket ticket = flow.ticketFor(id);
        Optional<Match> match = flow.store.activeMatch(id).filter(m -> m.status() == MatchStatus.ACCEPTED);
        boolean isLearner = ticket.learner().equals(caller);
        boolean isTeacher = match.map(m -> m.teacher().equals(caller)).orElse(false);
        if (!isLearner && !isTeacher) {
            throw new UsageException("Ticket #" + id + " isn't yours. /learn list shows your tickets.");
        }
        if (match.isEmpty()) {
            throw new UsageException("Ticket #" + id + " is " + ticket.status().describe() + ", so there is no match to"
                    + " close." + (ticket.status().isOpen() ? " /learn cancel " + id + " withdraws it instead." : ""));
        }
        return new Understanding(flow).done(ticket, match.get(), caller);
    }

    private Reply thanks(MentorshipFlow flow, PersonId caller, Args args) {
        if (args.size() < 2) {
            throw new UsageException("Type /learn thanks <ticket> <one line>, like /learn thanks 12 the diagrams made"
                    + " it click.");
        }
        return Understanding.thank(flow, caller, ticketNumber(Args.parse(args.get(0)), "thanks"),
                args.restFrom(1));
    }

    private Ticket ownTicket(MentorshipFlow flow, PersonId caller, Args args, String verb) {
        Ticket ticket = flow.ticketFor(ticketNumber(args, verb));
        if (!ticket.learner().equals(caller)) {
            throw new UsageException("Ticket #" + ticket.id() + " isn't yours. /learn list shows your tickets.");
        }
        return ticket;
    }

    private static long ticketNumber(Args args, String verb) {
        if (args.size() != 1) {
            throw new UsageException("Which ticket? Type /learn " + verb + " <ticket number>, like /learn " + verb
                    + " 12. /learn list shows your tickets.");
        }
        try {
            long id = Long.parseLong(args.get(0).replaceFirst("^#", ""));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new UsageException("\"" + abbreviate(args.get(0)) + "\" is not a ticket number. Type /learn " + verb
                + " 12 with the number /learn list shows.");
    }

    static String abbreviate(String text) {
        return text.length() <= 30 ? text : text.substring(0, 30) + "…";
    }
}
