using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comptoir.Features.Stores;

[AllowAnonymous]
public sealed class PublicStoreModel(ComptoirDbContext db) : PageModel
{
    public SearchStoreDirectory.Entry Store { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var store = await SearchStoreDirectory.FindAsync(db, slug, cancellationToken);
        if (store is null)
        {
            return NotFound();
        }

        Store = store;
        return Page();
    }
}
