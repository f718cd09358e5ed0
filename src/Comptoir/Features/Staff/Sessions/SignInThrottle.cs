using System.Security.Cryptography;
using System.Text;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Staff.Sessions;

/// <summary>
/// Slows password guessing without letting anyone lock a member out (docs/decisions/0018-sign-in-throttling.md).
/// Failures are counted over <see cref="Window"/> per account and client address, and per client address: past
/// either limit, that address may not try (that account, or any account) until its failures age out. The
/// member signing in from elsewhere is not concerned. Past a ceiling of failures on one account from all
/// addresses together, only addresses the member has already signed in from may still try it. Unknown
/// accounts are counted and answered exactly like known ones.
/// </summary>
public static class SignInThrottle
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public const int PerAccountAndAddress = 5;

    public const int PerAddress = 30;

    public const int PerAccount = 50;

    /// <summary>The SHA-256 of the normalised e-mail: the table never holds what strangers typed.</summary>
    public static string AccountKey(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));
    }

    /// <summary>
    /// Whether this attempt is refused before its password is checked. <paramref name="memberId"/> is the
    /// account's id when it exists; the same queries run when it does not.
    /// </summary>
    public static async Task<bool> IsThrottledAsync(
        ComptoirDbContext db, string accountKey, string address, int? memberId, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var since = time.GetUtcNow() - Window;
        var recent = db.SignInFailures.AsNoTracking().Where(f => f.At > since);
        if (await recent.CountAsync(f => f.Address == address && f.AccountKey == accountKey, cancellationToken) >= PerAccountAndAddress)
        {
            return true;
        }

        if (await recent.CountAsync(f => f.Address == address, cancellationToken) >= PerAddress)
        {
            return true;
        }

        if (await recent.CountAsync(f => f.AccountKey == accountKey, cancellationToken) < PerAccount)
        {
            return false;
        }

        var id = memberId ?? 0;
        var familiar = await db.SignInSessions.AnyAsync(s => s.StaffMemberId == id && s.Address == address, cancellationToken);
        return !familiar;
    }

    public static async Task FailedAsync(ComptoirDbContext db, string accountKey, string address, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        db.SignInFailures.Add(new SignInFailure { AccountKey = accountKey, Address = address, At = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The right password from this address forgives its earlier failures on this account.</summary>
    public static Task SucceededAsync(ComptoirDbContext db, string accountKey, string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.SignInFailures.Where(f => f.AccountKey == accountKey && f.Address == address).ExecuteDeleteAsync(cancellationToken);
    }
}
