using Comptoir.Features.Conversations;
using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Channels.Quarantine;

/// <summary>What channels delivered but could not be read, newest first; without the bytes, which are downloaded one by one.</summary>
public static class ListRawInbound
{
    public sealed record Row(long Id, Channel Channel, string Source, string? ExternalId, DateTimeOffset ReceivedAt, string Reason, long Size, RawInboundStatus Status);

    public static async Task<Page<Row>> QueryAsync(ComptoirDbContext db, bool includeResolved, int? page, CancellationToken cancellationToken)
    {
        var (number, size) = Paging.Clamp(page, 50);
        var query = db.RawInbound.AsNoTracking().Where(r => includeResolved || r.Status == RawInboundStatus.Flagged);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id)
            .Skip((number - 1) * size)
            .Take(size)
            .Select(r => new Row(r.Id, r.Channel, r.Source, r.ExternalId, r.ReceivedAt, r.Reason, r.Payload.Length, r.Status))
            .ToListAsync(cancellationToken);
        return new Page<Row>(rows, total, number, size);
    }
}
