using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comptoir.Features.Stores;

public sealed class StoreListModel(ComptoirDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public Page<ListStores.Row> Results { get; private set; } = new([], 0, 1, Paging.DefaultSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await ListStores.QueryAsync(db, StaffScope.Of(User), Q, country: null, PageNumber, size: 50, cancellationToken);
}
