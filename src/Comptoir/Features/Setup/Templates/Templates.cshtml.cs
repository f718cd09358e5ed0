using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Comptoir.Features.Setup.Templates;

/// <summary>Answer templates by language and activity, for administrators and supervisors.</summary>
[Authorize(Roles = $"{StaffRoles.Administrator},{StaffRoles.Supervisor}")]
public sealed class TemplatesModel(ComptoirDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "activite")]
    public int? ActivityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "langue")]
    public string? Language { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public IReadOnlyList<ListTemplates.Row> Templates { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Activities { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Languages { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Templates = await ListTemplates.QueryAsync(db, ActivityId, Language, cancellationToken);
        Activities = await SetupChoices.ActivitiesAsync(db, cancellationToken);
        Languages = await SetupChoices.LanguagesAsync(db, [Language], cancellationToken);
    }
}
