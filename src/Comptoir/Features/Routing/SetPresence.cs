using System.Security.Claims;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Routing;

/// <summary>An advisor says whether they are available to take conversations, away, or offline.</summary>
public static class SetPresence
{
    public sealed record Request(Presence Presence);

    public static async Task<Results<NoContent, NotFound>> HandleAsync(Request request, ClaimsPrincipal user, ComptoirDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await ExecuteAsync(db, StaffScope.Of(user), request.Presence, time, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<bool> ExecuteAsync(ComptoirDbContext db, StaffScope scope, Presence presence, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.AdvisorProfiles.Where(p => p.StaffMemberId == scope.StaffId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Presence, presence).SetProperty(p => p.PresenceSince, now), cancellationToken) == 1;
    }
}
