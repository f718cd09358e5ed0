using Comptoir.Features.Conversations;
using Comptoir.Features.ServiceLevels;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.ServiceLevels;

/// <summary>
/// The service-level policies, and for every activity and channel the one that applies: the most specific
/// wins (<see cref="ServiceLevelPolicy.MostSpecific"/>), so an administrator sees what a new policy overrides.
/// </summary>
public static class ListServiceLevels
{
    public sealed record Response(IReadOnlyList<Policy> Policies, IReadOnlyList<Coverage> Coverage);

    public sealed record Policy(int Id, string Name, Channel? Channel, int? ActivityId, string? Activity, int FirstResponseMinutes, int ResolutionMinutes, int WarningMinutes);

    /// <summary>An activity's row: per channel, the policy that applies (null where none does and no clock runs).</summary>
    public sealed record Coverage(int ActivityId, string Activity, IReadOnlyList<Cell> Channels);

    public sealed record Cell(Channel Channel, int? PolicyId, string? PolicyName, int? FirstResponseMinutes, int? ResolutionMinutes);

    public static async Task<Ok<Response>> HandleAsync(ComptoirDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QueryAsync(db, cancellationToken));

    public static async Task<Response> QueryAsync(ComptoirDbContext db, CancellationToken cancellationToken)
    {
        var policies = await db.ServiceLevelPolicies.AsNoTracking().ToListAsync(cancellationToken);
        var activities = await db.Activities.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        var names = activities.ToDictionary(a => a.Id, a => a.Name.Current);

        var rows = policies
            .OrderBy(p => Specificity(p)).ThenBy(p => p.Channel).ThenBy(p => p.ActivityId).ThenBy(p => p.Id)
            .Select(p => new Policy(p.Id, p.Name, p.Channel, p.ActivityId, p.ActivityId is { } a ? names.GetValueOrDefault(a) : null, p.FirstResponseMinutes, p.ResolutionMinutes, p.WarningMinutes))
            .ToList();
        var coverage = activities
            .Select(a => new Coverage(a.Id, a.Name.Current, [.. Enum.GetValues<Channel>().Select(channel => CellFor(channel, ServiceLevelPolicy.MostSpecific(policies, channel, a.Id)))]))
            .ToList();
        return new Response(rows, coverage);
    }

    private static int Specificity(ServiceLevelPolicy p) => (p.Channel is null ? 0 : 2) + (p.ActivityId is null ? 0 : 1);

    private static Cell CellFor(Channel channel, ServiceLevelPolicy? policy) =>
        new(channel, policy?.Id, policy?.Name, policy?.FirstResponseMinutes, policy?.ResolutionMinutes);
}
