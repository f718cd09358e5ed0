namespace Comptoir.Features.Conversations;

/// <summary>
/// A reusable answer. Placeholders filled when used: <c>{client}</c> (customer's name), <c>{conseiller}</c>
/// (advisor's name), <c>{reference}</c> (conversation number).
/// </summary>
public sealed class AnswerTemplate
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Language { get; set; }

    public int? ActivityId { get; set; }

    public required string Body { get; set; }

    /// <summary>When an administrator or supervisor withdrew it; a disabled template is no longer offered to advisors.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
}
