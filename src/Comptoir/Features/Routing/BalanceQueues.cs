using Comptoir.Features.Conversations;
using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Routing;

/// <summary>
/// Flexibility between sites: a queue whose waiting work passes its threshold overflows to every other site
/// trained for its activity, and comes back to its home sites once it has drained below the lower
/// threshold (two thresholds, so that it does not flap around one).
/// </summary>
public sealed partial class BalanceQueues(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<BalanceQueues> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicJobs.RunEveryAsync(configuration, TimeSpan.FromSeconds(15), time, RunOnceAsync, e => LogFailed(logger, e), stoppingToken);

    /// <summary>Opens or closes overflow per queue; returns how many queues changed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
        var waiting = await db.Conversations.AsNoTracking()
            .Where(c => c.AssignedToId == null && c.Status == ConversationStatus.New && c.Owner == ConversationOwner.ServiceCentre)
            .GroupBy(c => c.QueueId)
            .Select(g => new { QueueId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.QueueId, g => g.Count, cancellationToken);
        var queues = await db.Queues.ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var changed = 0;
        foreach (var queue in queues)
        {
            var count = waiting.GetValueOrDefault(queue.Id);
            if (!queue.Overflowing && count > queue.OverflowAbove)
            {
                queue.Overflowing = true;
                queue.OverflowingSince = now;
                changed++;
                LogOverflow(logger, queue.Code, count, queue.OverflowAbove);
            }
            else if (queue.Overflowing && count <= queue.OverflowBelow)
            {
                queue.Overflowing = false;
                queue.OverflowingSince = null;
                changed++;
                LogBack(logger, queue.Code, count);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue {Queue} overflows to other sites: {Waiting} waiting, threshold {Threshold}")]
    private static partial void LogOverflow(ILogger logger, string queue, int waiting, int threshold);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue {Queue} back to its home sites: {Waiting} waiting")]
    private static partial void LogBack(ILogger logger, string queue, int waiting);

    [LoggerMessage(Level = LogLevel.Error, Message = "Balancing queues failed; it will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
