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

/// <summary>The ordered rules, their switches and moves, and a form that says where a contact would go.</summary>
[Authorize(Roles = StaffRoles.Administrator)]
public sealed class RoutingRulesModel(ComptoirDbContext db, RoutingCatalog catalog, IStringLocalizer<Texts> t) : PageModel
{
    [TempData]
    public string? Saved { get; set; }

    public IReadOnlyList<ListRoutingRules.Row> Rules { get; private set; } = [];

    /// <summary>The contact to try, from the query string so that a trial can be bookmarked and shared.</summary>
    [BindProperty(SupportsGet = true)]
    public TryRouting.Request Trial { get; set; } = new();

    public TryRouting.Response? Outcome { get; private set; }

    public IReadOnlyList<SelectListItem> Channels { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Activities { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Languages { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Countries { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Stores { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rules = await ListRoutingRules.QueryAsync(db, t, cancellationToken);
        if (Request.Query.ContainsKey($"{nameof(Trial)}.{nameof(TryRouting.Request.ActivityId)}"))
        {
            ModelState.Clear();
            var (outcome, errors) = await TryRouting.ExecuteAsync(db, catalog, t, Trial, cancellationToken);
            Outcome = outcome;
            ModelState.AddErrors(nameof(Trial), errors);
        }

        Channels = SetupChoices.Channels(t);
        Activities = await SetupChoices.ActivitiesAsync(db, cancellationToken);
        Languages = await SetupChoices.LanguagesAsync(db, Rules.Select(r => r.Language), cancellationToken);
        Countries = await SetupChoices.CountriesAsync(db, cancellationToken);
        Stores = await SetupChoices.StoresAsync(db, cancellationToken);
    }

    public Task<IActionResult> OnPostUpAsync(int id, CancellationToken cancellationToken) =>
        AfterAsync(MoveRoutingRule.ExecuteAsync(db, catalog, id, -1, cancellationToken));

    public Task<IActionResult> OnPostDownAsync(int id, CancellationToken cancellationToken) =>
        AfterAsync(MoveRoutingRule.ExecuteAsync(db, catalog, id, +1, cancellationToken));

    public Task<IActionResult> OnPostEnableAsync(int id, CancellationToken cancellationToken) =>
        AfterAsync(ChangeRoutingRule.SetEnabledAsync(db, catalog, id, enabled: true, cancellationToken));

    public Task<IActionResult> OnPostDisableAsync(int id, CancellationToken cancellationToken) =>
        AfterAsync(ChangeRoutingRule.SetEnabledAsync(db, catalog, id, enabled: false, cancellationToken));

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken) =>
        AfterAsync(ChangeRoutingRule.RemoveAsync(db, catalog, id, cancellationToken));

    private async Task<IActionResult> AfterAsync(Task<bool> change) => await change ? RedirectToPage() : NotFound();
}
