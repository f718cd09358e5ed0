namespace Comptoir.Features.Conversations.Delivery;

/// <summary>A message leaving Comptoir for a customer, with what its channel needs to thread it.</summary>
public sealed record OutboundEnvelope(
    long MessageId,
    long ConversationId,
    Channel Channel,
    string To,
    string? Subject,
    string Body,
    string? ExternalId,
    string? InReplyTo,
    IReadOnlyList<string> References,
    int? MailboxId,
    int ActivityId,
    string? ThreadKey);

/// <summary>Sends messages of one or more channels; a failure throws, and the outbox tries again later.</summary>
public interface IOutboundSender
{
    bool CanSend(Channel channel);

    /// <summary>Sends one message; what can serve the next messages of the batch (a connection) is kept in it.</summary>
    Task SendAsync(OutboundEnvelope envelope, OutboundBatch batch, CancellationToken cancellationToken);
}

/// <summary>A send that can never succeed (no address, no mailbox): the outbox fails it at once rather than retrying.</summary>
public sealed class PermanentDeliveryException(string message) : Exception(message);
