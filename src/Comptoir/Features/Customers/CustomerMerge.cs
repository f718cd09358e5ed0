namespace Comptoir.Features.Customers;

/// <summary>
/// A merge of one customer into another, with exactly what moved, so that undoing it puts every identity
/// and conversation back where it was.
/// </summary>
public sealed class CustomerMerge
{
    public long Id { get; set; }

    public long SurvivorId { get; set; }

    public long MergedId { get; set; }

    public List<long> MovedIdentityIds { get; set; } = [];

    public List<long> MovedConversationIds { get; set; } = [];

    public int MergedById { get; set; }

    public DateTimeOffset MergedAt { get; set; }

    public int? UndoneById { get; set; }

    public DateTimeOffset? UndoneAt { get; set; }
}

/// <summary>Two customers that are probably one person, proposed to an advisor for merging.</summary>
public sealed class DuplicateProposal
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public long OtherCustomerId { get; set; }

    /// <summary>Why they look alike, e.g. "same phone number +33612345678 given with another e-mail".</summary>
    public required string Reason { get; set; }

    public DateTimeOffset ProposedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>True when resolved by merging, false when an advisor said they are different people.</summary>
    public bool? Merged { get; set; }
}
