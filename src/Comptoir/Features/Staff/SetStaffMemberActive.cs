using System.Security.Claims;
using Comptoir.Features.Staff.Sessions;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Staff;

/// <summary>
/// An administrator closes or reopens an account. Closing ends the member's open sessions: their next request,
/// on any node, is refused.
/// </summary>
public static class SetStaffMemberActive
{
    public static Task<Results<NoContent, NotFound, ProblemHttpResult>> DeactivateAsync(
        int id, ClaimsPrincipal user, ComptoirDbContext db, UserManager<StaffMember> users, TimeProvider time, CancellationToken cancellationToken) =>
        ExecuteAsync(id, active: false, StaffScope.Of(user), db, users, time, cancellationToken);

    public static Task<Results<NoContent, NotFound, ProblemHttpResult>> ReactivateAsync(
        int id, ClaimsPrincipal user, ComptoirDbContext db, UserManager<StaffMember> users, TimeProvider time, CancellationToken cancellationToken) =>
        ExecuteAsync(id, active: true, StaffScope.Of(user), db, users, time, cancellationToken);

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> ExecuteAsync(
        int id, bool active, StaffScope scope, ComptoirDbContext db, UserManager<StaffMember> users, TimeProvider time, CancellationToken cancellationToken)
    {
        var member = await db.Staff.VisibleTo(scope).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return TypedResults.NotFound();
        }

        if (!active && member.Id == scope.StaffId)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "You cannot close your own account",
                detail: "Ask another administrator to close it, so that the organisation always keeps one.");
        }

        member.DeactivatedAt = active ? null : time.GetUtcNow();
        await users.UpdateSecurityStampAsync(member);
        if (!active)
        {
            await SignInSessions.EndAllAsync(db, member.Id, time, cancellationToken);
        }
        return TypedResults.NoContent();
    }
}
