package dev.guildhall.livesession;

/** What a press of a question's upvote button did. */
enum UpvoteOutcome { COUNTED, ALREADY_VOTED, OWN_QUESTION }
