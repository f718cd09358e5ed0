using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comptoir.Features.Stores;

/// <summary>A store's internal page. Another store's page does not exist for a store director (404).</summary>
public sealed class StoreDashboardModel(ComptoirDbContext db) : PageModel
{
    public GetStore.Response Store { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var store = await GetStore.QueryAsync(db, StaffScope.Of(User), id, cancellationToken);
        if (store is null)
        {
            return NotFound();
        }

        Store = store;
        return Page();
    }
}
