using Comptoir.Features.Routing;
using Comptoir.Features.ServiceLevels;
using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.ServiceLevels;

/// <summary>Service-level policies, which applies where, and the service sites' hours the clocks run in.</summary>
[Authorize(Roles = StaffRoles.Administrator)]
public sealed class ServiceLevelsModel(ComptoirDbContext db, RoutingCatalog catalog, MoveDeadlines deadlines, IStringLocalizer<Texts> t) : PageModel
{
    [TempData]
    public string? Saved { get; set; }

    public ListServiceLevels.Response Levels { get; private set; } = new([], []);

    public IReadOnlyList<ListOpeningHours.Place> Sites { get; private set; } = [];

    [BindProperty]
    public SetOpeningHours.Request HoursForm { get; set; } = new();

    /// <summary>The site whose hours were just refused, to show the error and the text typed beside it.</summary>
    public int? EditedSiteId { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSiteHoursAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.AddErrors(nameof(HoursForm), SetOpeningHours.Validate(t, HoursForm));
        if (ModelState.IsValid)
        {
            if (!await SetOpeningHours.ExecuteForSiteAsync(db, deadlines, id, HoursForm, cancellationToken))
            {
                return NotFound();
            }

            Saved = t["Horaires enregistrés."];
            return RedirectToPage();
        }

        EditedSiteId = id;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (!await DeleteServiceLevel.ExecuteAsync(db, catalog, id, cancellationToken))
        {
            return NotFound();
        }

        Saved = t["Délai supprimé."];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Levels = await ListServiceLevels.QueryAsync(db, cancellationToken);
        Sites = await ListOpeningHours.QuerySitesAsync(db, cancellationToken);
    }
}
