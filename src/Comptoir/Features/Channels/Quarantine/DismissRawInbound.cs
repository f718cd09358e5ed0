using Comptoir.Features.Conversations;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Channels.Quarantine;

/// <summary>An administrator decides a raw item needs nothing more (spam, a test); it is kept, but leaves the list.</summary>
public static class DismissRawInbound
{
    public static async Task<bool> ExecuteAsync(ComptoirDbContext db, long id, int staffId, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var changed = await db.RawInbound
            .Where(r => r.Id == id && r.Status == RawInboundStatus.Flagged)
            .ExecuteUpdateAsync(
                set => set.SetProperty(r => r.Status, RawInboundStatus.Dismissed).SetProperty(r => r.ResolvedAt, now).SetProperty(r => r.ResolvedById, staffId),
                cancellationToken);
        return changed == 1;
    }
}
