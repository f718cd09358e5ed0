namespace Comptoir.Features.Staff.Sessions;

/// <summary>
/// One refused sign-in: which account was tried (the SHA-256 of its normalised e-mail, whether or not such an
/// account exists) from which client address. <see cref="SignInThrottle"/> counts them over a window.
/// </summary>
public sealed class SignInFailure
{
    public long Id { get; init; }

    public required string AccountKey { get; init; }

    public required string Address { get; init; }

    public DateTimeOffset At { get; init; }
}
