using System.Security.Claims;
using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Causes.Taxonomy;

/// <summary>
/// The taxonomy of causes for administrators: the tree with its last 7 days, creating, renaming, moving,
/// reassigning and deactivating causes, example sentences, and the model versions with retraining on demand.
/// </summary>
[Authorize(Roles = StaffRoles.Administrator)]
public sealed class CauseTaxonomyModel(ComptoirDbContext db, CauseClassifier classifier, TrainCauseModel train, IStringLocalizer<Texts> t, TimeProvider time) : PageModel
{
    [BindProperty]
    public CauseForm Form { get; set; } = new();

    public sealed class CauseForm
    {
        /// <summary>Empty for a new cause.</summary>
        public int? Id { get; set; }

        public string? Name { get; set; }

        public string? EnglishName { get; set; }

        public int? ParentId { get; set; }

        public string? Code { get; set; }

        public string? OwningTeam { get; set; }

        public bool Active { get; set; } = true;

        public string? Examples { get; set; }
    }

    public IReadOnlyList<ListCauses.Row> Causes { get; private set; } = [];

    public IReadOnlyList<ListCauses.ModelRow> Models { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var request = new SaveCause.Request(Form.Name, Form.EnglishName, Form.ParentId, Form.Code, Form.OwningTeam, Form.Active);
        var (cause, errors) = await SaveCause.ExecuteAsync(db, Form.Id, request, t, time, cancellationToken);
        if (cause is null)
        {
            foreach (var (field, messages) in errors)
            {
                ModelState.AddModelError($"{nameof(Form)}.{field}", messages[0]);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        classifier.Invalidate();
        Done = Form.Id is null ? t["Cause « {0} » créée.", cause.Name] : t["Cause « {0} » enregistrée.", cause.Name];
        return LocalRedirect("/app/admin/causes");
    }

    public async Task<IActionResult> OnPostExamplesAsync(CancellationToken cancellationToken)
    {
        var texts = (Form.Examples ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var result = await AddCauseExamples.HandleAsync(Form.Id ?? 0, new AddCauseExamples.Request(texts), db, t, time, cancellationToken);
        switch (result.Result)
        {
            case Microsoft.AspNetCore.Http.HttpResults.Ok<AddCauseExamples.Response> ok:
                Done = t["{0} exemple(s) ajouté(s) ; ils compteront au prochain entraînement.", ok.Value!.Added];
                return LocalRedirect("/app/admin/causes");
            case Microsoft.AspNetCore.Http.HttpResults.ValidationProblem problem:
                foreach (var (field, messages) in problem.ProblemDetails.Errors)
                {
                    ModelState.AddModelError($"{nameof(Form)}.{(field == nameof(AddCauseExamples.Request.Texts) ? nameof(CauseForm.Examples) : field)}", messages[0]);
                }

                await LoadAsync(cancellationToken);
                return Page();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostTrainAsync(CancellationToken cancellationToken)
    {
        try
        {
            var version = await train.ExecuteAsync(User.FindFirstValue(ClaimTypes.Email) ?? "staff", cancellationToken);
            Done = t["Modèle {0} entraîné sur {1} exemples.", version.Id, version.ExampleCount];
        }
        catch (CauseTrainingException e)
        {
            Done = e.Message;
        }

        return LocalRedirect("/app/admin/causes");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Causes = await ListCauses.QueryAsync(db, time.GetUtcNow(), cancellationToken);
        Models = await ListCauses.ModelsAsync(db, cancellationToken);
    }
}
