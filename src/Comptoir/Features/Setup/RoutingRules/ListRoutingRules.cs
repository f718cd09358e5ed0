using Comptoir.Features.Conversations;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.RoutingRules;

/// <summary>
/// The routing rules in the order they are tried, enabled or not, each with what it catches in words. A contact
/// goes to the queue of the first enabled rule it matches, else to its activity's default queue.
/// </summary>
public static class ListRoutingRules
{
    public sealed record Row(
        int Id,
        int Position,
        string Name,
        Channel? Channel,
        int? ActivityId,
        string? Language,
        int? CountryId,
        int? StoreId,
        int QueueId,
        string Queue,
        bool Enabled,
        string Matches);

    public static async Task<Ok<IReadOnlyList<Row>>> HandleAsync(ComptoirDbContext db, IStringLocalizer<Texts> t, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QueryAsync(db, t, cancellationToken));

    public static async Task<IReadOnlyList<Row>> QueryAsync(ComptoirDbContext db, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        var rules = await db.RoutingRules.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var wording = await RuleWording.LoadAsync(db, rules, t, cancellationToken);
        return
        [
            .. rules.Select((r, index) => new Row(
                r.Id,
                index + 1,
                r.Name,
                r.Channel,
                r.ActivityId,
                r.Language,
                r.CountryId,
                r.StoreId,
                r.QueueId,
                wording.Queue(r.QueueId),
                r.Enabled,
                wording.Matches(r.Channel, r.ActivityId, r.Language, r.CountryId, r.StoreId))),
        ];
    }
}
