using Comptoir.Features.Routing;
using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.ServiceLevels;

/// <summary>The service-level form, shared by the page that adds a policy and the page that edits one.</summary>
[Authorize(Roles = StaffRoles.Administrator)]
public sealed class PolicyFormModel(ComptoirDbContext db, RoutingCatalog catalog, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public SaveServiceLevel.Request Form { get; set; } = new();

    public GetServiceLevel.Response? Existing { get; private set; }

    public IReadOnlyList<SelectListItem> Channels { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Activities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Existing = await GetServiceLevel.QueryAsync(db, id, cancellationToken);
            if (Existing is null)
            {
                return NotFound();
            }

            Form = SaveServiceLevel.Request.From(Existing);
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Existing = await GetServiceLevel.QueryAsync(db, id, cancellationToken);
            if (Existing is null)
            {
                return NotFound();
            }
        }

        ModelState.AddErrors(nameof(Form), await SaveServiceLevel.ValidateAsync(db, t, Id, Form, cancellationToken));
        if (ModelState.IsValid)
        {
            var (policy, _) = await SaveServiceLevel.ExecuteAsync(db, catalog, t, Id, Form, cancellationToken);
            if (policy is not null)
            {
                TempData["Saved"] = t["Délai « {0} » enregistré.", policy.Name].Value;
                return RedirectToPage("ServiceLevels");
            }
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Channels = SetupChoices.Channels(t);
        Activities = await SetupChoices.ActivitiesAsync(db, cancellationToken);
    }
}
