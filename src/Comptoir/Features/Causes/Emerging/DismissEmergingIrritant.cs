using System.Security.Claims;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Causes.Emerging;

/// <summary>"Écarter": the flag was noise or is already handled; it stays in the history, marked dismissed.</summary>
public static class DismissEmergingIrritant
{
    public static async Task<Results<NoContent, NotFound>> HandleAsync(long id, ClaimsPrincipal user, ComptoirDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await ExecuteAsync(db, StaffScope.Of(user), id, time, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<bool> ExecuteAsync(ComptoirDbContext db, StaffScope scope, long id, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.EmergingIrritants.VisibleTo(scope).AnyAsync(e => e.Id == id, cancellationToken))
        {
            return false;
        }

        var now = time.GetUtcNow();
        await db.EmergingIrritants.Where(e => e.Id == id && e.Status == EmergingStatus.New)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EmergingStatus.Dismissed).SetProperty(e => e.ResolvedById, scope.StaffId).SetProperty(e => e.ResolvedAt, now), cancellationToken);
        return true;
    }
}
