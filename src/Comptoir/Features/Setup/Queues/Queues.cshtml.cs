using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comptoir.Features.Setup.Queues;

[Authorize(Roles = StaffRoles.Administrator)]
public sealed class QueuesModel(ComptoirDbContext db) : PageModel
{
    [TempData]
    public string? Saved { get; set; }

    public IReadOnlyList<ListQueues.Row> Queues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Queues = await ListQueues.QueryAsync(db, cancellationToken);
}
