namespace Comptoir.Features.Causes;

public enum CauseScope
{
    Group = 0,
    Country = 1,
    Store = 2,
}

/// <summary>
/// How many contacts had a cause in one hour and one scope (the group, a country, a store). Kept up to date
/// as contacts arrive and causes are corrected, so that a digest over years of history reads a few thousand
/// rows instead of scanning conversations. Hours are counted from 1970-01-01 UTC, the same number on every
/// database; a digest's local 24 hours are whole UTC hours.
/// </summary>
public sealed class CauseCount
{
    public CauseScope Scope { get; set; }

    /// <summary>The country or store id; 0 for the group, and for contacts of no known country.</summary>
    public int ScopeId { get; set; }

    public long Hour { get; set; }

    public int CauseId { get; set; }

    public int Count { get; set; }
}

/// <summary>A change to one <see cref="CauseCount"/>.</summary>
public readonly record struct CauseCountDelta(CauseScope Scope, int ScopeId, long Hour, int CauseId, int Change);
