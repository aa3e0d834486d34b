package ai.mnemo.service.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class PublishFailuresTest {

    @Test
    void aBrokerThatIsAwayOrSlowIsWorthAnotherTry() {
        assertFalse(EventPublisher.refusedForGood(new TimeoutException("no acknowledgement in 30 s")));
        assertFalse(EventPublisher.refusedForGood(new ExecutionException(
                new org.apache.kafka.common.errors.TimeoutException("expiring 1 record"))));
        assertFalse(EventPublisher.refusedForGood(new ExecutionException(new NotLeaderOrFollowerException("moved"))));
        assertFalse(EventPublisher.refusedForGood(new ExecutionException(new IllegalStateException("unknown"))),
                "what Kafka does not call permanent is tried again");
    }

    @Test
    void whatTheBrokerRefusesForGoodIsNotSentAgain() {
        assertTrue(EventPublisher.refusedForGood(new ExecutionException(new RecordTooLargeException("2 MB"))));
        assertTrue(EventPublisher.refusedForGood(new ExecutionException(
                new TopicAuthorizationException("not allowed"))));
    }
}
