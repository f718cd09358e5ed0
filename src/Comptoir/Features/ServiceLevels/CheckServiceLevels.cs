using Comptoir.Features.Conversations;
using Comptoir.Features.Routing;
using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.ServiceLevels;

/// <summary>
/// Watches the clocks: warns the advisor before a first-response or resolution deadline, and escalates at
/// the deadline (the conversation jumps to the top of its queue and the site's supervisors see it). Each
/// warning and escalation is raised exactly once, even with several instances checking at the same time:
/// the database accepts one event per conversation and kind, and an event already there is skipped by the
/// insert itself (<c>ON CONFLICT DO NOTHING</c>), so that the normal case of another instance having raised it
/// first is no error.
/// </summary>
public sealed partial class CheckServiceLevels(IServiceScopeFactory scopes, RoutingCatalog catalog, IConfiguration configuration, TimeProvider time, ILogger<CheckServiceLevels> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicJobs.RunEveryAsync(configuration, TimeSpan.FromSeconds(20), time, RunOnceAsync, e => LogFailed(logger, e), stoppingToken);

    /// <summary>Raises what is due now; returns the events raised by this call.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var routing = await catalog.GetAsync(cancellationToken);
        var horizon = now + TimeSpan.FromMinutes(routing.Policies.Count == 0 ? 0 : routing.Policies.Max(p => p.WarningMinutes));

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
        var candidates = await db.Conversations.AsNoTracking()
            .Where(c => c.Status != ConversationStatus.Closed
                        && ((c.FirstResponseAt == null && c.FirstResponseDueAt <= horizon && c.FirstResponseBreachedAt == null)
                            || (c.PausedAt == null && c.ResolutionDueAt <= horizon && c.ResolutionBreachedAt == null)))
            .Select(c => new
            {
                c.Id,
                c.Channel,
                c.ActivityId,
                c.QueueId,
                c.AssignedToId,
                c.AssignedSiteId,
                c.FirstResponseAt,
                c.FirstResponseDueAt,
                c.ResolutionDueAt,
                c.PausedAt,
                c.FirstResponseWarnedAt,
                c.ResolutionWarnedAt,
                c.FirstResponseBreachedAt,
                c.ResolutionBreachedAt,
            })
            .OrderBy(c => c.Id)
            .Take(5_000)
            .ToListAsync(cancellationToken);

        var raised = 0;
        foreach (var c in candidates)
        {
            var warning = TimeSpan.FromMinutes(routing.PolicyFor(c.Channel, c.ActivityId)?.WarningMinutes ?? 0);
            var site = c.AssignedSiteId ?? (routing.Queues.TryGetValue(c.QueueId, out var queue) && queue.HomeSiteIds.Count > 0 ? queue.HomeSiteIds[0] : null);
            // A conversation comes back for its other clock: a breach it already had is not raised again.
            if (c.FirstResponseAt is null && c.FirstResponseDueAt is { } firstDue && c.FirstResponseBreachedAt is null)
            {
                if (now >= firstDue)
                {
                    raised += await RaiseAsync(db, c.Id, SlaEventKind.FirstResponseBreach, firstDue, c.AssignedToId, site, now, cancellationToken);
                }
                else if (now >= firstDue - warning && c.FirstResponseWarnedAt is null)
                {
                    raised += await RaiseAsync(db, c.Id, SlaEventKind.FirstResponseWarning, firstDue, c.AssignedToId, site, now, cancellationToken);
                }
            }

            if (c.PausedAt is null && c.ResolutionDueAt is { } resolutionDue && c.ResolutionBreachedAt is null)
            {
                if (now >= resolutionDue)
                {
                    raised += await RaiseAsync(db, c.Id, SlaEventKind.ResolutionBreach, resolutionDue, c.AssignedToId, site, now, cancellationToken);
                }
                else if (now >= resolutionDue - warning && c.ResolutionWarnedAt is null)
                {
                    raised += await RaiseAsync(db, c.Id, SlaEventKind.ResolutionWarning, resolutionDue, c.AssignedToId, site, now, cancellationToken);
                }
            }
        }

        return raised;
    }

    private async Task<int> RaiseAsync(ComptoirDbContext db, long conversationId, SlaEventKind kind, DateTimeOffset due, int? advisorId, int? siteId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Exactly once: an event already raised, by an earlier run or another instance, inserts nothing.
        var kindValue = db.ProviderValue<SlaEvent>(nameof(SlaEvent.Kind), kind);
        var dueValue = db.ProviderValue<SlaEvent>(nameof(SlaEvent.DueAt), due);
        var raisedValue = db.ProviderValue<SlaEvent>(nameof(SlaEvent.RaisedAt), now);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO "SlaEvents" ("ConversationId", "Kind", "DueAt", "RaisedAt", "AdvisorId", "SiteId")
             VALUES ({conversationId}, {kindValue}, {dueValue}, {raisedValue}, {advisorId}, {siteId})
             ON CONFLICT DO NOTHING
             """,
            cancellationToken);
        if (inserted == 0)
        {
            await MarkAsync(db, conversationId, kind, now, cancellationToken);
            return 0;
        }

        await MarkAsync(db, conversationId, kind, now, cancellationToken);
        LogRaised(logger, kind, conversationId, due);
        return 1;
    }

    /// <summary>Copies the event onto the conversation for display; a breach also puts it at the top of its queue.</summary>
    private static Task<int> MarkAsync(ComptoirDbContext db, long id, SlaEventKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var conversation = db.Conversations.Where(c => c.Id == id);
        return kind switch
        {
            SlaEventKind.FirstResponseWarning => conversation.Where(c => c.FirstResponseWarnedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstResponseWarnedAt, now), cancellationToken),
            SlaEventKind.ResolutionWarning => conversation.Where(c => c.ResolutionWarnedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ResolutionWarnedAt, now), cancellationToken),
            SlaEventKind.FirstResponseBreach => conversation.Where(c => c.FirstResponseBreachedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstResponseBreachedAt, now).SetProperty(c => c.Priority, c => c.Priority | ConversationPriority.Breached), cancellationToken),
            _ => conversation.Where(c => c.ResolutionBreachedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ResolutionBreachedAt, now).SetProperty(c => c.Priority, c => c.Priority | ConversationPriority.Breached), cancellationToken),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Service level {Kind} for conversation {ConversationId} (due {DueAt})")]
    private static partial void LogRaised(ILogger logger, SlaEventKind kind, long conversationId, DateTimeOffset dueAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking service levels failed; it will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
