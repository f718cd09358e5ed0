using System.Security.Claims;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Conversations;

/// <summary>
/// A file a customer sent, for staff who may see its conversation. Always served as a download, never
/// rendered inline: a customer's HTML or SVG file must not run in Comptoir's origin.
/// </summary>
public static class DownloadAttachment
{
    public static async Task<Results<FileContentHttpResult, NotFound>> HandleAsync(long id, ClaimsPrincipal user, ComptoirDbContext db, CancellationToken cancellationToken)
    {
        var scope = StaffScope.Of(user);
        var visible = db.Conversations.VisibleTo(db, scope).Select(c => c.Id);
        var file = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == id && db.Messages.Any(m => m.Id == a.MessageId && visible.Contains(m.ConversationId)))
            .Select(a => new { a.FileName, a.Content })
            .SingleOrDefaultAsync(cancellationToken);
        return file is null
            ? TypedResults.NotFound()
            : TypedResults.File(file.Content, "application/octet-stream", file.FileName);
    }
}
