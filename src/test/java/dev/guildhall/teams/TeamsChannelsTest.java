package dev.guildhall.teams;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.PersonId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThat;

/** Teams channels are Microsoft Graph's business, which Guildhall does not use: both refusals are final and clear. */
class TeamsChannelsTest {
    private final TeamsChatPort port = new TeamsChatPort(null, null, null, null, null);

    @Test
    void creatingAChannelIsRefusedForGoodWithWhatToDoInstead() {
        DeliveryException refused = catchThrowableOfType(DeliveryException.class,
                () -> port.createChannel("wg-vpc", List.of(new PersonId("teams:tenant:aad-alice"))));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("Microsoft Graph").contains("link that channel instead");
    }

    @Test
    void archivingAChannelIsRefusedForGood() {
        DeliveryException refused = catchThrowableOfType(DeliveryException.class,
                () -> port.archiveChannel(new ChannelId("teams:tenant:19:abc@thread.tacv2")));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("cannot archive Teams channels");
    }
}
