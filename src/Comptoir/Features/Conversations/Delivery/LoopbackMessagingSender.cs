using System.Collections.Concurrent;

namespace Comptoir.Features.Conversations.Delivery;

/// <summary>
/// SMS and social replies, until an operator's API is plugged in: each one is written to the log and kept
/// in memory (the last 1,000), so that a deployment without an SMS contract still shows what would leave.
/// </summary>
public sealed partial class LoopbackMessagingSender(ILogger<LoopbackMessagingSender> logger) : IOutboundSender
{
    private readonly ConcurrentQueue<OutboundEnvelope> _sent = new();

    public IReadOnlyCollection<OutboundEnvelope> Sent => _sent;

    public bool CanSend(Channel channel) => channel is Channel.Sms or Channel.Social;

    public Task SendAsync(OutboundEnvelope envelope, OutboundBatch batch, CancellationToken cancellationToken)
    {
        LogSent(logger, envelope.Channel, envelope.To, envelope.ConversationId, envelope.Body.Length);
        _sent.Enqueue(envelope);
        while (_sent.Count > 1_000 && _sent.TryDequeue(out _))
        {
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loopback {Channel} to {To} for conversation {ConversationId}: {Length} characters")]
    private static partial void LogSent(ILogger logger, Channel channel, string to, long conversationId, int length);
}
