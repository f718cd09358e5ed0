namespace Comptoir.Features.Causes;

public enum CauseActionStatus
{
    Planned = 0,
    InProgress = 1,
    Done = 2,
}

/// <summary>What the owning team does about a cause while it stays in a top 5: one plan per cause, kept up to date.</summary>
public sealed class CauseAction
{
    public int CauseId { get; set; }

    public required string Plan { get; set; }

    public CauseActionStatus Status { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int? UpdatedById { get; set; }

    /// <summary>Display name of the member who last changed it, kept if the account goes.</summary>
    public required string UpdatedBy { get; set; }
}
