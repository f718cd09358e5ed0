using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comptoir.Features.Channels.Email.Admin;

[Authorize(Roles = StaffRoles.Administrator)]
public sealed class MailboxesModel(ComptoirDbContext db) : PageModel
{
    [TempData]
    public string? Saved { get; set; }

    public IReadOnlyList<ListMailboxes.Row> Mailboxes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Mailboxes = await ListMailboxes.QueryAsync(db, cancellationToken);

    public async Task<IActionResult> OnPostEnableAsync(int id, CancellationToken cancellationToken)
    {
        await SetMailboxEnabled.ExecuteAsync(db, id, enabled: true, cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(int id, CancellationToken cancellationToken)
    {
        await SetMailboxEnabled.ExecuteAsync(db, id, enabled: false, cancellationToken);
        return RedirectToPage();
    }
}
