using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comptoir.Features.Sites;

/// <summary>A service site and its team; another site's page does not exist for an outsourced advisor (404).</summary>
public sealed class SiteDetailsModel(ComptoirDbContext db) : PageModel
{
    public GetSite.Response Site { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var site = await GetSite.QueryAsync(db, StaffScope.Of(User), id, cancellationToken);
        if (site is null)
        {
            return NotFound();
        }

        Site = site;
        return Page();
    }
}
