using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Staff.Sessions;

/// <summary>
/// Opening, checking and ending the server-side record of a sign-in (<see cref="SignInSession"/>). The cookie
/// holds the session key as a claim; the cookie check runs <see cref="ValidateAsync"/> on every request.
/// </summary>
public static class SignInSessions
{
    public const string ClaimType = "comptoir:session";

    /// <summary>A session unused this long ends; the sign-in cookie expires likewise.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(10);

    /// <summary>
    /// The expiry is pushed forward only once it has fallen this far behind, so that an active member costs
    /// one write every few minutes rather than one per request. Ending a session is immediate all the same.
    /// </summary>
    public static readonly TimeSpan ExtendEvery = TimeSpan.FromMinutes(5);

    /// <summary>Opens a session for the member and returns its key, to be put in the cookie.</summary>
    public static async Task<string> StartAsync(ComptoirDbContext db, int memberId, string address, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var key = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        db.SignInSessions.Add(new SignInSession
        {
            KeyHash = Hash(key),
            StaffMemberId = memberId,
            Address = address,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>
    /// The cookie is accepted only while its session is open and unexpired; otherwise it is refused and
    /// removed. A cookie without a session key (issued before sessions were recorded) is refused too.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        var key = principal?.FindFirstValue(ClaimType);
        if (key is null || !int.TryParse(principal!.FindFirstValue(ClaimTypes.NameIdentifier), out var memberId))
        {
            await RejectAsync(context);
            return;
        }

        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<ComptoirDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var cancellationToken = context.HttpContext.RequestAborted;
        var hash = Hash(key);
        var expiresAt = await db.SignInSessions.AsNoTracking()
            .Where(s => s.KeyHash == hash && s.StaffMemberId == memberId && s.EndedAt == null)
            .Select(s => (DateTimeOffset?)s.ExpiresAt)
            .SingleOrDefaultAsync(cancellationToken);
        if (expiresAt is not { } expires || expires <= now)
        {
            await RejectAsync(context);
            return;
        }

        if (expires < now + Lifetime - ExtendEvery)
        {
            await db.SignInSessions
                .Where(s => s.KeyHash == hash && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, now + Lifetime), cancellationToken);
        }
    }

    /// <summary>Ends the session this cookie key belongs to (signing out).</summary>
    public static Task EndAsync(ComptoirDbContext db, string key, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var hash = Hash(key);
        var now = time.GetUtcNow();
        return db.SignInSessions
            .Where(s => s.KeyHash == hash && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
    }

    /// <summary>Ends every open session of the member, on every node at their next request.</summary>
    public static Task EndAllAsync(ComptoirDbContext db, int memberId, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return db.SignInSessions
            .Where(s => s.StaffMemberId == memberId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
