using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.Templates;

/// <summary>Answer templates by language and activity, for administrators and supervisors; changed only by <see cref="TemplateEditors"/>.</summary>
[Authorize(Roles = $"{StaffRoles.Administrator},{StaffRoles.Supervisor}")]
public sealed class TemplatesModel(ComptoirDbContext db, TimeProvider time, IStringLocalizer<Texts> t) : PageModel
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

    /// <summary>Whether the reader may add, change, disable and enable templates (<see cref="TemplateEditors"/>).</summary>
    public bool MayEdit { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(int id, CancellationToken cancellationToken) =>
        SetEnabledAsync(id, false, cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(int id, CancellationToken cancellationToken) =>
        SetEnabledAsync(id, true, cancellationToken);

    private async Task<IActionResult> SetEnabledAsync(int id, bool enabled, CancellationToken cancellationToken)
    {
        if (!await TemplateEditors.MayEditAsync(db, User, cancellationToken))
        {
            return Forbid();
        }

        if (!await ChangeTemplate.SetEnabledAsync(db, time, id, enabled, cancellationToken))
        {
            return NotFound();
        }

        Saved = enabled ? t["Modèle réactivé : les conseillers le retrouvent dans leur formulaire de réponse."] : t["Modèle désactivé : il n'est plus proposé aux conseillers."];
        return RedirectToPage(new { activite = ActivityId, langue = Language });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        MayEdit = await TemplateEditors.MayEditAsync(db, User, cancellationToken);
        Templates = await ListTemplates.QueryAsync(db, ActivityId, Language, cancellationToken);
        Activities = await SetupChoices.ActivitiesAsync(db, cancellationToken);
        Languages = await SetupChoices.LanguagesAsync(db, [Language], cancellationToken);
    }
}
