using System.Security.Claims;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Causes.Emerging;

/// <summary>
/// What surges today and on the last days in the reader's scope: each term or cause with its count against
/// expected and the customers' words behind it; a new term becomes a cause in one step, or is dismissed.
/// </summary>
[Authorize(Roles = EmergingAccess.Roles)]
public sealed class EmergingIrritantsModel(ComptoirDbContext db, TrainCauseModel train, IStringLocalizer<Texts> t, TimeProvider time) : PageModel
{
    [BindProperty]
    public NewCause Form { get; set; } = new();

    public sealed class NewCause
    {
        public long Irritant { get; set; }

        public string? Name { get; set; }

        public string? EnglishName { get; set; }

        public int? ParentId { get; set; }

        public string? OwningTeam { get; set; }
    }

    public IReadOnlyList<ListEmergingIrritants.Row> Rows { get; private set; } = [];

    public IReadOnlyList<CauseChoices.Choice> Domains { get; private set; } = [];

    public IReadOnlyList<string> Teams { get; private set; } = [];

    public bool MayEditTaxonomy => User.IsInRole(Staff.StaffRoles.Administrator);

    [TempData]
    public string? Done { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateCauseAsync(CancellationToken cancellationToken)
    {
        if (!MayEditTaxonomy)
        {
            return Forbid();
        }

        var request = new CreateCauseFromEmerging.Request(Form.Name, Form.EnglishName, Form.ParentId, Form.OwningTeam);
        var outcome = await CreateCauseFromEmerging.ExecuteAsync(db, train, StaffScope.Of(User), User.FindFirstValue(ClaimTypes.Email) ?? "staff", Form.Irritant, request, t, time, cancellationToken);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Response is { } created)
        {
            Done = t["Cause « {0} » créée : {1} exemple(s), {2} contact(s) reclassé(s), modèle réentraîné.", Form.Name?.Trim() ?? created.Code, created.Examples, created.Relabelled];
            return LocalRedirect("/app/irritants/emergents");
        }

        foreach (var (field, messages) in outcome.Errors ?? new() { [""] = [t["Ce signal a déjà été traité."]] })
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Form)}.{field}", message);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDismissAsync(long id, CancellationToken cancellationToken)
    {
        if (!await DismissEmergingIrritant.ExecuteAsync(db, StaffScope.Of(User), id, time, cancellationToken))
        {
            return NotFound();
        }

        return LocalRedirect("/app/irritants/emergents");
    }

    /// <summary>The name a new cause gets by default: the term, capitalised.</summary>
    public static string SuggestedName(string term) => term.Length == 0 ? term : char.ToUpperInvariant(term[0]) + term[1..];

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rows = await ListEmergingIrritants.QueryAsync(db, StaffScope.Of(User), time.GetUtcNow(), 7, cancellationToken);
        var choices = await CauseChoices.ListAsync(db, activeOnly: true, cancellationToken);
        Domains = [.. choices.Where(c => c.ParentId is null)];
        Teams = [.. choices.Select(c => c.OwningTeam).OfType<string>().Distinct().Order(StringComparer.CurrentCulture)];
    }
}
