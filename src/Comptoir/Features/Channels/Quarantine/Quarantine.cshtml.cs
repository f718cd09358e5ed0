using Comptoir.Features.Conversations;
using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Channels.Quarantine;

/// <summary>
/// Raw items of every channel that could not be read (malformed e-mail, invalid webhook), for administrators:
/// the reason, the bytes to download and examine, and dismissal once handled.
/// </summary>
[Authorize(Roles = StaffRoles.Administrator)]
public sealed class QuarantineModel(ComptoirDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "tout")]
    public bool IncludeResolved { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public Page<ListRawInbound.Row> Results { get; private set; } = new([], 0, 1, Paging.DefaultSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await ListRawInbound.QueryAsync(db, IncludeResolved, PageNumber, cancellationToken);

    /// <summary>Always a download, never shown inline: the bytes are whatever a stranger sent.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(long id, CancellationToken cancellationToken)
    {
        var item = await db.RawInbound.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Channel, r.Payload }).SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        return item.Channel == Channel.Email
            ? File(item.Payload, "message/rfc822", $"quarantaine-{id}.eml")
            : File(item.Payload, "application/octet-stream", $"quarantaine-{id}.bin");
    }

    public async Task<IActionResult> OnPostDismissAsync(long id, CancellationToken cancellationToken)
    {
        await DismissRawInbound.ExecuteAsync(db, id, StaffScope.Of(User).StaffId, time, cancellationToken);
        return LocalRedirect("/app/admin/quarantaine" + PageLink(PageNumber ?? 1));
    }

    public string PageLink(int page) => $"?tout={IncludeResolved.ToString().ToLowerInvariant()}&page={page}";
}
