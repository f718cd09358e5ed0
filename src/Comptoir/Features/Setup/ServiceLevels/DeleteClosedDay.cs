using Comptoir.Features.ServiceLevels;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.ServiceLevels;

/// <summary>An administrator reopens a closed day; the deadlines running over it come back earlier (<see cref="MoveDeadlines"/>).</summary>
public static class DeleteClosedDay
{
    public static async Task<Results<NoContent, NotFound>> HandleAsync(int id, ComptoirDbContext db, MoveDeadlines deadlines, CancellationToken cancellationToken) =>
        await ExecuteAsync(db, deadlines, id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<bool> ExecuteAsync(ComptoirDbContext db, MoveDeadlines deadlines, int id, CancellationToken cancellationToken) =>
        await deadlines.AroundAsync(db, () => db.ClosedDays.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken), cancellationToken) > 0;
}
