namespace Comptoir.Features.Customers;

public enum IdentityKind
{
    Email,
    Phone,
    LoyaltyCard,
    OrderNumber,
    SocialHandle,
}

/// <summary>One way a customer can be recognised; a normalised value belongs to one customer at a time.</summary>
public sealed class CustomerIdentity
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public IdentityKind Kind { get; set; }

    /// <summary>The normalised value: lower-case e-mail, E.164 phone, digits of a card, <c>network:handle</c>.</summary>
    public required string Value { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>An identity as the API and pages show it.</summary>
public sealed record IdentityView(IdentityKind Kind, string Value);
