using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Channels.Email;

/// <summary>
/// An administrator stops or resumes a mailbox. A disabled mailbox is neither read nor sent from; answers
/// to its conversations leave from another enabled mailbox of the same activity.
/// </summary>
public static class SetMailboxEnabled
{
    public static Task<Results<NoContent, NotFound>> EnableAsync(int id, ComptoirDbContext db, CancellationToken cancellationToken) =>
        ExecuteAsync(db, id, enabled: true, cancellationToken);

    public static Task<Results<NoContent, NotFound>> DisableAsync(int id, ComptoirDbContext db, CancellationToken cancellationToken) =>
        ExecuteAsync(db, id, enabled: false, cancellationToken);

    public static async Task<Results<NoContent, NotFound>> ExecuteAsync(ComptoirDbContext db, int id, bool enabled, CancellationToken cancellationToken)
    {
        var changed = await db.Mailboxes.Where(m => m.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Enabled, enabled), cancellationToken);
        return changed == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
