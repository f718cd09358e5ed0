using Comptoir.Features.Routing;
using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.Queues;

/// <summary>The queue form, shared by the page that adds a queue and the page that edits one.</summary>
[Authorize(Roles = StaffRoles.Administrator)]
public sealed class QueueFormModel(ComptoirDbContext db, RoutingCatalog catalog, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public SaveQueue.Request Form { get; set; } = new();

    public GetQueue.Response? Existing { get; private set; }

    public IReadOnlyList<SelectListItem> Activities { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Languages { get; private set; } = [];

    /// <summary>Every site with the activities it is trained for, so that home sites are chosen knowingly.</summary>
    public IReadOnlyList<(int Id, string Name, string Activities)> Sites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Existing = await GetQueue.QueryAsync(db, id, cancellationToken);
            if (Existing is null)
            {
                return NotFound();
            }

            Form = SaveQueue.Request.From(Existing);
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Existing = await GetQueue.QueryAsync(db, id, cancellationToken);
            if (Existing is null)
            {
                return NotFound();
            }
        }

        // Every mistake at once: the attributes' and those only the database can tell.
        ModelState.AddErrors(nameof(Form), await SaveQueue.ValidateAsync(db, t, Id, Form, cancellationToken));
        if (ModelState.IsValid)
        {
            var (queue, _) = await SaveQueue.ExecuteAsync(db, catalog, t, Id, Form, cancellationToken);
            if (queue is not null)
            {
                TempData["Saved"] = queue.Name;
                return RedirectToPage("Queues");
            }
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Activities = await SetupChoices.ActivitiesAsync(db, cancellationToken);
        Languages = await SetupChoices.LanguagesAsync(db, [Form.Language], cancellationToken);
        var sites = await db.ServiceSites.AsNoTracking()
            .OrderBy(s => s.PartnerName != null).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, Activities = s.Activities.OrderBy(a => a.ActivityId).Select(a => a.Activity!.Name).ToList() })
            .ToListAsync(cancellationToken);
        Sites = [.. sites.Select(s => (s.Id, s.Name, string.Join(", ", s.Activities.Select(a => a.Current))))];
    }
}
