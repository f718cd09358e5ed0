using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.Advisors;

/// <summary>An advisor's skills, languages, working hours and capacities; another site's advisor is not found.</summary>
[Authorize(Roles = $"{StaffRoles.Administrator},{StaffRoles.SiteManager}")]
public sealed class EditAdvisorModel(ComptoirDbContext db, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public SaveAdvisor.Request Form { get; set; } = new();

    public GetAdvisor.Response Existing { get; private set; } = null!;

    /// <summary>The activities the advisor's site is trained for, offered first; others stay possible for overflow.</summary>
    public IReadOnlyList<SelectListItem> Activities { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Languages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await GetAdvisor.QueryAsync(db, StaffScope.Of(User), Id, cancellationToken) is not { } existing)
        {
            return NotFound();
        }

        Existing = existing;
        Form = SaveAdvisor.Request.From(existing);
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await GetAdvisor.QueryAsync(db, StaffScope.Of(User), Id, cancellationToken) is not { } existing)
        {
            return NotFound();
        }

        Existing = existing;
        ModelState.AddErrors(nameof(Form), await SaveAdvisor.ValidateAsync(db, t, Form, cancellationToken));
        if (ModelState.IsValid && (await SaveAdvisor.ExecuteAsync(db, t, Id, Form, cancellationToken)).Count == 0)
        {
            TempData["Saved"] = existing.Name;
            return RedirectToPage("Advisors");
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Activities = await SetupChoices.ActivitiesAsync(db, cancellationToken);
        Languages = await SetupChoices.LanguagesAsync(db, Form.Languages, cancellationToken);
    }
}
