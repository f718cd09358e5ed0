using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comptoir.Features.Stores;

[AllowAnonymous]
public sealed class DirectoryModel(ComptoirDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public Page<SearchStoreDirectory.Entry> Results { get; private set; } = new([], 0, 1, Paging.DefaultSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await SearchStoreDirectory.HandleAsync(db, Q, country: null, PageNumber, size: 24, cancellationToken);
}
