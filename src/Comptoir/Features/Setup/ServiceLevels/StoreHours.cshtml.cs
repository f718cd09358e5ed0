using Comptoir.Features.ServiceLevels;
using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.ServiceLevels;

/// <summary>Stores' opening hours, found by a search: the group has hundreds of stores.</summary>
[Authorize(Roles = StaffRoles.Administrator)]
public sealed class StoreHoursModel(ComptoirDbContext db, MoveDeadlines deadlines, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public IReadOnlyList<ListOpeningHours.Place> Stores { get; private set; } = [];

    [BindProperty]
    public SetOpeningHours.Request HoursForm { get; set; } = new();

    public int? EditedStoreId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Stores = await ListOpeningHours.QueryStoresAsync(db, Q, cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.AddErrors(nameof(HoursForm), SetOpeningHours.Validate(t, HoursForm));
        if (ModelState.IsValid)
        {
            if (!await SetOpeningHours.ExecuteForStoreAsync(db, deadlines, id, HoursForm, cancellationToken))
            {
                return NotFound();
            }

            Saved = t["Horaires enregistrés."];
            return RedirectToPage(new { q = Q });
        }

        EditedStoreId = id;
        Stores = await ListOpeningHours.QueryStoresAsync(db, Q, cancellationToken);
        return Page();
    }
}
