namespace Comptoir.Features.Causes;

/// <summary>
/// Why a customer got in touch, in a taxonomy an administrator edits: a domain (no parent), the causes under
/// it, and finer causes under those (Magasin &gt; Qualité produit &gt; Fruits et légumes). Every contact gets
/// one; the day's five most frequent become the priority of the team that owns them.
/// </summary>
public sealed class Cause
{
    public int Id { get; set; }

    public int? ParentId { get; set; }

    public Cause? Parent { get; set; }

    /// <summary>Stable name used by imports and the model's labels, e.g. <c>payment.3ds</c>.</summary>
    public required string Code { get; set; }

    /// <summary>French name, shown first.</summary>
    public required string Name { get; set; }

    public string? EnglishName { get; set; }

    /// <summary>The team that acts on this cause when it rises (e.g. "Paiement e-commerce").</summary>
    public string? OwningTeam { get; set; }

    /// <summary>An inactive cause is no longer predicted nor offered, but keeps its history.</summary>
    public bool Active { get; set; } = true;

    /// <summary>Since when the cause is in a top 5 of the day; empty when it is not.</summary>
    public DateTimeOffset? PrioritySince { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsPriority => PrioritySince is not null;
}
