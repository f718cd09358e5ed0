using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Channels.Email;

/// <summary>Every mailbox, for administrators: a few dozen at most, so one list without pages.</summary>
public static class ListMailboxes
{
    public sealed record Row(
        int Id,
        string Address,
        string DisplayName,
        int ActivityId,
        string Activity,
        int? StoreId,
        string? Store,
        bool Enabled,
        DateTimeOffset? LastPolledAt,
        string? LastError);

    public static async Task<Ok<IReadOnlyList<Row>>> HandleAsync(ComptoirDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QueryAsync(db, cancellationToken));

    public static async Task<IReadOnlyList<Row>> QueryAsync(ComptoirDbContext db, CancellationToken cancellationToken)
    {
        var mailboxes = await db.Mailboxes.AsNoTracking().OrderBy(m => m.Address).ToListAsync(cancellationToken);
        var activities = await db.Activities.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var storeIds = mailboxes.Where(m => m.StoreId is not null).Select(m => m.StoreId!.Value).Distinct().ToList();
        var stores = await db.Stores.AsNoTracking()
            .Where(s => storeIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Code + " · " + s.Name, cancellationToken);
        return
        [
            .. mailboxes.Select(m => new Row(
                m.Id,
                m.Address,
                m.DisplayName,
                m.ActivityId,
                activities.TryGetValue(m.ActivityId, out var activity) ? activity.Current : "",
                m.StoreId,
                m.StoreId is { } store ? stores.GetValueOrDefault(store) : null,
                m.Enabled,
                m.LastPolledAt,
                m.LastError)),
        ];
    }
}
