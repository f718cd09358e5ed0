using Comptoir.Features.Routing;
using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.RoutingRules;

/// <summary>The routing rule form, shared by the page that adds a rule and the page that edits one.</summary>
[Authorize(Roles = StaffRoles.Administrator)]
public sealed class RuleFormModel(ComptoirDbContext db, RoutingCatalog catalog, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public SaveRoutingRule.Request Form { get; set; } = new();

    public GetRoutingRule.Response? Existing { get; private set; }

    public IReadOnlyList<SelectListItem> Channels { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Activities { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Languages { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Countries { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Stores { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Queues { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Existing = await GetRoutingRule.QueryAsync(db, id, cancellationToken);
            if (Existing is null)
            {
                return NotFound();
            }

            Form = SaveRoutingRule.Request.From(Existing);
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Existing = await GetRoutingRule.QueryAsync(db, id, cancellationToken);
            if (Existing is null)
            {
                return NotFound();
            }
        }

        ModelState.AddErrors(nameof(Form), await SaveRoutingRule.ValidateAsync(db, t, Form, cancellationToken));
        if (ModelState.IsValid)
        {
            var (rule, _) = await SaveRoutingRule.ExecuteAsync(db, catalog, t, Id, Form, cancellationToken);
            if (rule is not null)
            {
                TempData["Saved"] = rule.Name;
                return RedirectToPage("RoutingRules");
            }
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Channels = SetupChoices.Channels(t);
        Activities = await SetupChoices.ActivitiesAsync(db, cancellationToken);
        Languages = await SetupChoices.LanguagesAsync(db, [Form.Language], cancellationToken);
        Countries = await SetupChoices.CountriesAsync(db, cancellationToken);
        Stores = await SetupChoices.StoresAsync(db, cancellationToken);
        Queues = await SetupChoices.QueuesAsync(db, cancellationToken);
    }
}
