using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.Advisors;

/// <summary>The advisors of every site (administrators) or of the manager's own site, by site and skill.</summary>
[Authorize(Roles = $"{StaffRoles.Administrator},{StaffRoles.SiteManager}")]
public sealed class AdvisorsModel(ComptoirDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "site")]
    public int? SiteId { get; set; }

    [BindProperty(SupportsGet = true, Name = "activite")]
    public int? ActivityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public Page<ListAdvisors.Row> Results { get; private set; } = new([], 0, 1, Paging.DefaultSize);

    /// <summary>The sites to filter by: every service site for an administrator, none for a site manager.</summary>
    public IReadOnlyList<SelectListItem> Sites { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Activities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = StaffScope.Of(User);
        if (scope.IsAdministrator)
        {
            var sites = await db.ServiceSites.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
            Sites = [.. sites.Select(s => SetupChoices.Choice(s.Id, s.Name))];
        }

        Activities = await SetupChoices.ActivitiesAsync(db, cancellationToken);
        Results = await ListAdvisors.QueryAsync(db, scope, SiteId, ActivityId, PageNumber, size: 50, cancellationToken);
    }

    public string PageLink(int page) => $"?site={SiteId}&activite={ActivityId}&page={page}";
}
