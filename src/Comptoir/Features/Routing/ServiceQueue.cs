namespace Comptoir.Features.Routing;

/// <summary>
/// Where contacts wait for an advisor: one per activity (and per language or store where routing rules say
/// so). Its home sites serve it; when its waiting work passes <see cref="OverflowAbove"/> it overflows to
/// every other site trained for the activity, and comes back when it drains below <see cref="OverflowBelow"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A queue of waiting contacts is the business's own word.")]
public sealed class ServiceQueue
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public int ActivityId { get; set; }

    /// <summary>Language an advisor must speak to take from this queue, or null for any.</summary>
    public string? Language { get; set; }

    public int OverflowAbove { get; set; } = 50;

    public int OverflowBelow { get; set; } = 10;

    public bool Overflowing { get; set; }

    public DateTimeOffset? OverflowingSince { get; set; }

    public List<QueueSite> HomeSites { get; set; } = [];
}

public sealed class QueueSite
{
    public int QueueId { get; set; }

    public int SiteId { get; set; }
}

/// <summary>
/// Sends a contact to a queue when it matches: every criterion left empty matches anything. Rules are tried
/// in <see cref="Order"/>; a contact no rule matches goes to its activity's default queue.
/// </summary>
public sealed class RoutingRule
{
    public int Id { get; set; }

    public int Order { get; set; }

    public required string Name { get; set; }

    public Conversations.Channel? Channel { get; set; }

    public int? ActivityId { get; set; }

    public string? Language { get; set; }

    public int? CountryId { get; set; }

    public int? StoreId { get; set; }

    public int QueueId { get; set; }

    public bool Enabled { get; set; } = true;
}
