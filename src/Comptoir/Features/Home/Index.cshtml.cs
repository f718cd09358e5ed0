using Comptoir.Features.Causes.Digests;
using Comptoir.Features.Sites;
using Comptoir.Features.Staff;
using Comptoir.Features.Stores;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comptoir.Features.Home;

/// <summary>Each role lands on what it works on: its site, its store, or its country and the group.</summary>
public sealed class IndexModel(ComptoirDbContext db, TimeProvider time) : PageModel
{
    public StaffScope Scope { get; private set; } = null!;

    public GetSite.Response? Site { get; private set; }

    public GetStore.Response? Store { get; private set; }

    public OrganisationOverview.Response? Overview { get; private set; }

    public TeamPriorities.Response? Team { get; private set; }

    public IReadOnlyList<StoreIrritants.Row> StoreIrritantsDay { get; private set; } = [];

    public IReadOnlyList<StoreIrritants.Row> StoreIrritantsWeek { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Scope = StaffScope.Of(User);
        if (Scope.Role.WorksOnSite() && Scope.SiteId is { } siteId)
        {
            Site = await GetSite.QueryAsync(db, Scope, siteId, cancellationToken);
        }
        else if (Scope.Role.WorksInStore() && Scope.StoreId is { } storeId)
        {
            Store = await GetStore.QueryAsync(db, Scope, storeId, cancellationToken);
            var now = time.GetUtcNow();
            StoreIrritantsDay = await StoreIrritants.QueryAsync(db, storeId, now, TimeSpan.FromHours(24), 5, cancellationToken);
            StoreIrritantsWeek = await StoreIrritants.QueryAsync(db, storeId, now, TimeSpan.FromDays(7), 5, cancellationToken);
        }
        else
        {
            Overview = await OrganisationOverview.QueryAsync(db, Scope, time, cancellationToken);
        }

        Team = await TeamPriorities.QueryAsync(db, Scope.StaffId, cancellationToken);
    }
}
