namespace Comptoir.Features.Staff.Sessions;

/// <summary>
/// One signed-in browser. The sign-in cookie carries the session's random key and every request is served only
/// while this row says the session is open, so ending it (sign-out, password change, deactivation) refuses the
/// old cookie at its very next request on every node. The table keeps only the key's SHA-256: reading it gives
/// no usable key. Rows stay 30 days after they expire, as the addresses each member signs in from.
/// </summary>
public sealed class SignInSession
{
    public required string KeyHash { get; init; }

    public int StaffMemberId { get; init; }

    /// <summary>Client address (IPv6 as its /64 network) the session was opened from.</summary>
    public required string Address { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Pushed forward while the member is active (sliding), a few minutes at a time.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the member signed out or the account's sessions were all ended.</summary>
    public DateTimeOffset? EndedAt { get; set; }
}
