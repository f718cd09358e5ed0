using Comptoir.Features.Causes;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Home;

/// <summary>The causes of a product team that are in today's top lists, with the team's action on each.</summary>
public static class TeamPriorities
{
    public sealed record Row(int CauseId, string CausePath, string? Plan, CauseActionStatus? Status, DateTimeOffset? UpdatedAt);

    public sealed record Response(string Team, IReadOnlyList<Row> Causes);

    public static async Task<Response?> QueryAsync(ComptoirDbContext db, int staffId, CancellationToken cancellationToken)
    {
        var team = await db.Staff.AsNoTracking().Where(m => m.Id == staffId).Select(m => m.Team).SingleOrDefaultAsync(cancellationToken);
        if (team is null)
        {
            return null;
        }

        var causes = (await CauseChoices.ListAsync(db, activeOnly: false, cancellationToken))
            .Where(c => c.Priority && string.Equals(c.OwningTeam, team, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var ids = causes.Select(c => c.Id).ToList();
        var actions = await db.CauseActions.AsNoTracking().Where(a => ids.Contains(a.CauseId)).ToDictionaryAsync(a => a.CauseId, cancellationToken);
        return new Response(team, [.. causes.Select(c =>
        {
            var action = actions.GetValueOrDefault(c.Id);
            return new Row(c.Id, c.Path, action?.Plan, action?.Status, action?.UpdatedAt);
        })]);
    }
}
