using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comptoir.Features.Sites;

public sealed class SiteListModel(ComptoirDbContext db) : PageModel
{
    public IReadOnlyList<ListSites.Row> Sites { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sites = await ListSites.QueryAsync(db, StaffScope.Of(User), cancellationToken);
}
