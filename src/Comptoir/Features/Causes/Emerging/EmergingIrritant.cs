namespace Comptoir.Features.Causes.Emerging;

public enum EmergingStatus
{
    New = 0,
    CauseCreated = 1,
    Dismissed = 2,
}

/// <summary>
/// A term or cause flagged as surging on a day in a scope (the group or a country), with the contacts
/// behind it. Flagged once per day, scope and term: the database refuses a second row.
/// </summary>
public sealed class EmergingIrritant
{
    public long Id { get; set; }

    /// <summary>The local day it surged on, in <see cref="TimeZoneId"/>.</summary>
    public DateOnly Day { get; set; }

    /// <summary>The time zone of the scope's days: Europe/Paris for the group, the country's own for a country.</summary>
    public required string TimeZoneId { get; set; }

    public CauseScope Scope { get; set; }

    /// <summary>The country id; 0 for the group.</summary>
    public int ScopeId { get; set; }

    public EmergingKind Kind { get; set; }

    /// <summary>The folded term ("3ds2", "ios 17.2"), or the cause's code for a cause.</summary>
    public required string Term { get; set; }

    /// <summary>The cause that surged, for a cause.</summary>
    public int? CauseId { get; set; }

    /// <summary>Contacts with it when flagged.</summary>
    public int Count { get; set; }

    /// <summary>Contacts expected at that time of day from its history.</summary>
    public double Expected { get; set; }

    /// <summary>Standard deviations above expected.</summary>
    public double Score { get; set; }

    /// <summary>Never seen on a previous day.</summary>
    public bool Unseen { get; set; }

    public DateTimeOffset FlaggedAt { get; set; }

    public EmergingStatus Status { get; set; }

    /// <summary>The cause created from it in one step.</summary>
    public int? CreatedCauseId { get; set; }

    public int? ResolvedById { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public List<EmergingVerbatim> Verbatims { get; set; } = [];
}

/// <summary>One of the contacts behind a flag: its conversation and the customer's words around the term.</summary>
public sealed class EmergingVerbatim
{
    public long Id { get; set; }

    public long EmergingIrritantId { get; set; }

    public long ConversationId { get; set; }

    public required string Excerpt { get; set; }
}

/// <summary>A term's or cause's history in one scope, as <see cref="TermHistory"/> stores it.</summary>
public sealed class EmergingTermHistory
{
    public CauseScope Scope { get; set; }

    public int ScopeId { get; set; }

    public EmergingKind Kind { get; set; }

    /// <summary>The folded term, or the cause id.</summary>
    public required string Term { get; set; }

    public double Mean { get; set; }

    public double Variance { get; set; }

    public int DaysSeen { get; set; }

    public DateOnly FirstSeen { get; set; }

    public DateOnly LastDay { get; set; }

    public TermHistory ToHistory() => new(Mean, Variance, DaysSeen, FirstSeen, LastDay);

    public void Set(TermHistory history) =>
        (Mean, Variance, DaysSeen, FirstSeen, LastDay) = (history.Mean, history.Variance, history.DaysSeen, history.FirstSeen, history.LastDay);
}

/// <summary>
/// How much history a scope has. The group's row also records the last day folded into every scope's
/// histories: moving it forward is how one instance, and only one, folds a day.
/// </summary>
public sealed class EmergingScopeState
{
    public CauseScope Scope { get; set; }

    public int ScopeId { get; set; }

    /// <summary>Days with contacts folded into the scope's histories.</summary>
    public int DaysFolded { get; set; }

    /// <summary>The last day folded (kept on the group's row).</summary>
    public DateOnly? FoldedThrough { get; set; }
}
