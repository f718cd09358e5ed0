namespace Comptoir.Features.Customers;

public enum IdentityKind
{
    Email,
    Phone,
    LoyaltyCard,
    OrderNumber,
    SocialHandle,
}

/// <summary>
/// How far an identity is known to belong to whoever used it (decision 17): only a proven identity ties a contact to
/// an existing customer, and a value typed by the customer proves nothing.
/// </summary>
public enum IdentityProof
{
    /// <summary>Typed by the customer (a form, a letter, a notebook entry, a card or order number given anywhere).</summary>
    Unverified,

    /// <summary>Vouched for by a party we do not control: the From of an e-mail delivered by the mail servers.</summary>
    Weak,

    /// <summary>Proven by the transport itself: an SMS sender or caller number (the operator), a handle from a signed network webhook.</summary>
    Verified,
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

    /// <summary>How the value was shown to be this customer's; <see cref="IdentityProof.Unverified"/> when only typed.</summary>
    public IdentityProof Proof { get; set; }

    /// <summary>When a contact last proved the value at <see cref="Proof"/>'s level (none while unverified).</summary>
    public DateTimeOffset? ProvenAt { get; set; }
}

/// <summary>An identity as the API and pages show it.</summary>
public sealed record IdentityView(IdentityKind Kind, string Value, IdentityProof Proof)
{
    /// <summary>
    /// The value as shown to staff: an unverified loyalty card shows only its last four digits, since anyone could
    /// have typed it and the full number lets its holder use the card.
    /// </summary>
    public string Shown => Proof == IdentityProof.Unverified && Kind == IdentityKind.LoyaltyCard && Value.Length > 4
        ? new string('•', Value.Length - 4) + Value[^4..]
        : Value;

    public bool Unverified => Proof == IdentityProof.Unverified;
}
