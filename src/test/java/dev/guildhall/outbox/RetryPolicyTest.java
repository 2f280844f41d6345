package dev.guildhall.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    @Test
    void backoffDoublesAndIsCapped() {
        assertThat(RetryPolicy.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryPolicy.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(RetryPolicy.backoff(30)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theSameSeedGivesTheSameWaits() {
        // Given two policies seeded alike
        RetryPolicy one = new RetryPolicy(new Random(42));
        RetryPolicy other = new RetryPolicy(new Random(42));

        // When each plans the waits of a row failing again and again
        // Then they plan the same waits
        for (int attempts = 1; attempts < RetryPolicy.MAX_ATTEMPTS; attempts++) {
            assertThat(one.nextWait(attempts, true)).isEqualTo(other.nextWait(attempts, true));
        }
    }

    @Test
    void rowsFailedTogetherComeBackAtDifferentTimes() {
        // Given one policy, and a hundred rows that failed their first attempt in the same outage
        RetryPolicy policy = new RetryPolicy(new Random(7));

        // When it plans each one's retry
        long distinct = java.util.stream.IntStream.range(0, 100)
                .mapToObj(row -> policy.nextWait(1, true).orElseThrow())
                .distinct().count();

        // Then they are spread out, not all due in the same millisecond
        assertThat(distinct).isGreaterThan(50);
    }

    @Test
    void aWaitIsTheBackoffShortenedByAtMostTheJitter() {
        // Given many seeds and every attempt number, When a wait is planned, Then it lies in [base × (1 − jitter), base]
        Random seeds = new Random(20261201);
        for (int run = 0; run < 1_000; run++) {
            long seed = seeds.nextLong();
            int attempts = 1 + seeds.nextInt(RetryPolicy.MAX_ATTEMPTS - 1);
            Duration wait = new RetryPolicy(new Random(seed)).nextWait(attempts, true).orElseThrow();

            Duration base = RetryPolicy.backoff(attempts);
            assertThat(wait).as("seed %d, attempt %d", seed, attempts).isLessThanOrEqualTo(base)
                    .isGreaterThanOrEqualTo(Duration.ofMillis((long) (base.toMillis() * (1 - RetryPolicy.JITTER))));
        }
    }

    @Test
    void aFailureThatCannotPassOrTheLastAttemptEndsTheRetries() {
        RetryPolicy policy = new RetryPolicy(new Random(1));

        assertThat(policy.nextWait(1, false)).isEmpty();
        assertThat(policy.nextWait(RetryPolicy.MAX_ATTEMPTS - 1, true)).isPresent();
        assertThat(policy.nextWait(RetryPolicy.MAX_ATTEMPTS, true)).isEmpty();
    }
}
