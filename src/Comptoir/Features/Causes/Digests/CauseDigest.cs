namespace Comptoir.Features.Causes.Digests;

/// <summary>
/// The causes that brought the most contacts in the 24 hours before 10:00, local time, of the group or of one
/// country: produced once a day and scope, read by the people who act on them, kept so that earlier days can
/// be compared.
/// </summary>
public sealed class CauseDigest
{
    public long Id { get; set; }

    /// <summary><see cref="CauseScope.Group"/> or <see cref="CauseScope.Country"/>.</summary>
    public CauseScope Scope { get; set; }

    /// <summary>The country id; 0 for the group.</summary>
    public int ScopeId { get; set; }

    /// <summary>The local day whose 10:00 ends the window.</summary>
    public DateOnly LocalDate { get; set; }

    public required string TimeZoneId { get; set; }

    /// <summary>First instant of the window, a whole UTC hour.</summary>
    public DateTimeOffset WindowStart { get; set; }

    /// <summary>End of the window (excluded): 23 or 25 hours after the start on daylight-saving days.</summary>
    public DateTimeOffset WindowEnd { get; set; }

    public DateTimeOffset ProducedAt { get; set; }

    /// <summary>Contacts of every cause in the window and scope.</summary>
    public int TotalContacts { get; set; }

    public List<CauseDigestEntry> Entries { get; set; } = [];
}

/// <summary>One cause of a digest's top list, with what was known of it when the digest was produced.</summary>
public sealed class CauseDigestEntry
{
    public long Id { get; set; }

    public long DigestId { get; set; }

    public int Rank { get; set; }

    public int CauseId { get; set; }

    public int Count { get; set; }

    /// <summary>Mean contacts in the same local window of the previous four weeks.</summary>
    public double PreviousAverage { get; set; }

    /// <summary>Change against that mean, in percent; empty when the cause had none before.</summary>
    public double? TrendPercent { get; set; }

    /// <summary>Not in the previous day's top list.</summary>
    public bool IsNew { get; set; }

    public string? OwningTeam { get; set; }

    /// <summary>The action under way on the cause when the digest was produced, and its status.</summary>
    public string? ActionPlan { get; set; }

    public CauseActionStatus? ActionStatus { get; set; }

    public List<CauseDigestVerbatim> Verbatims { get; set; } = [];
}

/// <summary>What a customer said about the cause, as the digest quotes it.</summary>
public sealed class CauseDigestVerbatim
{
    public long Id { get; set; }

    public long EntryId { get; set; }

    public long ConversationId { get; set; }

    public required string Excerpt { get; set; }
}

/// <summary>A member who receives a scope's digest by e-mail each morning.</summary>
public sealed class DigestSubscription
{
    public long Id { get; set; }

    public int StaffMemberId { get; set; }

    public CauseScope Scope { get; set; }

    public int ScopeId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
