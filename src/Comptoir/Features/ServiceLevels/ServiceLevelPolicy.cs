using Comptoir.Features.Conversations;

namespace Comptoir.Features.ServiceLevels;

/// <summary>
/// Targets for a channel and activity: first response and resolution, in opening hours of the store or
/// site that answers, with a warning some minutes before each. The most specific policy applies
/// (channel and activity, then channel, then activity, then the default with neither).
/// </summary>
public sealed class ServiceLevelPolicy
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public Channel? Channel { get; set; }

    public int? ActivityId { get; set; }

    public int FirstResponseMinutes { get; set; }

    public int ResolutionMinutes { get; set; }

    /// <summary>How long before a deadline the advisor is warned.</summary>
    public int WarningMinutes { get; set; }

    /// <summary>
    /// The policy that applies to a channel and activity: channel and activity, then channel, then activity, then
    /// the default with neither. One rule for the clocks and for the administration page that shows it.
    /// </summary>
    public static ServiceLevelPolicy? MostSpecific(IEnumerable<ServiceLevelPolicy> policies, Channel channel, int activityId) =>
        policies
            .Where(p => (p.Channel is null || p.Channel == channel) && (p.ActivityId is null || p.ActivityId == activityId))
            .OrderByDescending(p => (p.Channel is null ? 0 : 2) + (p.ActivityId is null ? 0 : 1))
            .FirstOrDefault();
}

public enum SlaEventKind
{
    FirstResponseWarning,
    FirstResponseBreach,
    ResolutionWarning,
    ResolutionBreach,
}

/// <summary>
/// A warning before a deadline or an escalation at it. The database keeps one per conversation and kind, so
/// that several instances checking clocks at once still raise each exactly once.
/// </summary>
public sealed class SlaEvent
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public SlaEventKind Kind { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>Who must act: the advisor for a warning, the site's supervisors for an escalation.</summary>
    public int? AdvisorId { get; set; }

    public int? SiteId { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }
}
