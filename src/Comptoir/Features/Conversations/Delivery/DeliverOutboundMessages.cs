using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Platform.Data;
using Comptoir.Platform.Outbox;
using Comptoir.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Conversations.Delivery;

/// <summary>
/// The outbox: sends answers and acknowledgements that are stored as pending, each claimed by one instance
/// at a time, sent in batches (e-mails over one SMTP connection per server), each failure kept to its own
/// message, retried with growing delays, and marked failed (visible in the conversation) when they keep
/// failing.
/// </summary>
public sealed partial class DeliverOutboundMessages(
    IServiceScopeFactory scopes,
    IEnumerable<IOutboundSender> senders,
    IOptions<OutboundOptions> options,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<DeliverOutboundMessages> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!PeriodicJobs.Enabled(configuration))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLoopFailed(logger, e);
            }
        }
    }

    /// <summary>Sends what is due now; returns how many messages it tried.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
        var now = time.GetUtcNow();
        var due = await db.Messages.AsNoTracking()
            .Where(m => m.Delivery == DeliveryStatus.Pending && m.NextDeliveryAttemptAt <= now)
            .OrderBy(m => m.NextDeliveryAttemptAt)
            .Take(50)
            .Select(m => new { m.Id, m.NextDeliveryAttemptAt })
            .ToListAsync(cancellationToken);

        // One batch: e-mails to the same server go over one connection.
        await using var batch = new OutboundBatch();
        var tried = 0;
        foreach (var item in due)
        {
            // Claim: only the instance that moves the attempt time forward sends it.
            var leased = now + RetrySchedule.Lease;
            var claimed = await db.Messages
                .Where(m => m.Id == item.Id && m.Delivery == DeliveryStatus.Pending && m.NextDeliveryAttemptAt == item.NextDeliveryAttemptAt)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextDeliveryAttemptAt, leased), cancellationToken);
            if (claimed == 1)
            {
                tried++;
                await DeliverAsync(db, batch, item.Id, cancellationToken);
            }
        }

        return tried;
    }

    private async Task DeliverAsync(ComptoirDbContext db, OutboundBatch batch, long messageId, CancellationToken cancellationToken)
    {
        var message = await db.Messages.SingleAsync(m => m.Id == messageId, cancellationToken);
        var conversation = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == message.ConversationId)
            .Select(c => new { c.MailboxId, c.ActivityId, c.ThreadKey })
            .SingleAsync(cancellationToken);
        var references = message.Channel == Channel.Email
            ? await db.Messages.AsNoTracking()
                .Where(m => m.ConversationId == message.ConversationId && m.Channel == Channel.Email && m.ExternalId != null && m.Id != message.Id && m.At <= message.At)
                .OrderBy(m => m.At)
                .Select(m => m.ExternalId!)
                .ToListAsync(cancellationToken)
            : [];

        var now = time.GetUtcNow();
        message.DeliveryAttempts++;
        try
        {
            var sender = senders.FirstOrDefault(s => s.CanSend(message.Channel))
                ?? throw new PermanentDeliveryException($"No sender is configured for {message.Channel}.");
            if (string.IsNullOrWhiteSpace(message.To))
            {
                throw new PermanentDeliveryException("The message has no recipient.");
            }

            await sender.SendAsync(
                new OutboundEnvelope(message.Id, message.ConversationId, message.Channel, message.To, message.Subject, message.Body, message.ExternalId,
                    message.InReplyTo, [.. references.Where(r => r.StartsWith('<'))], conversation.MailboxId, conversation.ActivityId, conversation.ThreadKey),
                batch,
                cancellationToken);
            message.Delivery = DeliveryStatus.Sent;
            message.DeliveryError = null;
            message.NextDeliveryAttemptAt = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            message.DeliveryError = RetrySchedule.Truncate(e.Message);
            message.NextDeliveryAttemptAt = RetrySchedule.NextAttempt(message.DeliveryAttempts, options.Value.MaxDeliveryAttempts, e is PermanentDeliveryException, now);
            message.Delivery = message.NextDeliveryAttemptAt is null ? DeliveryStatus.Failed : DeliveryStatus.Pending;
            LogDeliveryFailed(logger, message.Id, message.Channel, message.DeliveryAttempts, e.Message);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver message {MessageId} by {Channel} (attempt {Attempt}): {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, long messageId, Channel channel, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox loop failed; it will try again")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
