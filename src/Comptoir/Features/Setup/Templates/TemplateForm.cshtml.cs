using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.Templates;

/// <summary>
/// The template form, shared by the page that adds a template and the page that edits one, with a preview of
/// the text filled for a sample conversation or a chosen one, before saving.
/// </summary>
[Authorize(Roles = $"{StaffRoles.Administrator},{StaffRoles.Supervisor}")]
public sealed class TemplateFormModel(ComptoirDbContext db, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public SaveTemplate.Request Form { get; set; } = new();

    /// <summary>The conversation the preview is filled for; empty for the sample conversation.</summary>
    [BindProperty]
    public long? PreviewConversationId { get; set; }

    public GetTemplate.Response? Existing { get; private set; }

    public PreviewTemplate.Response? Preview { get; private set; }

    public IReadOnlyList<SelectListItem> Activities { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Languages { get; private set; } = [];

    /// <summary>The form changes templates: only <see cref="TemplateEditors"/> open it.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!await TemplateEditors.MayEditAsync(db, User, HttpContext.RequestAborted))
        {
            context.Result = Forbid();
            return;
        }

        await next();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Existing = await GetTemplate.QueryAsync(db, id, cancellationToken);
            if (Existing is null)
            {
                return NotFound();
            }

            Form = SaveTemplate.Request.From(Existing);
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadExistingAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.AddErrors(nameof(Form), await SaveTemplate.ValidateAsync(db, t, Id, Form, cancellationToken));
        if (ModelState.IsValid)
        {
            var (template, _) = await SaveTemplate.ExecuteAsync(db, t, Id, Form, cancellationToken);
            if (template is not null)
            {
                TempData["Saved"] = t["Modèle « {0} » enregistré.", template.Name].Value;
                return RedirectToPage("Templates");
            }
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    /// <summary>Fills the text being edited without saving it.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!await LoadExistingAsync(cancellationToken))
        {
            return NotFound();
        }

        var request = new PreviewTemplate.Request { Body = Form.Body, ConversationId = PreviewConversationId };
        var (preview, errors) = await PreviewTemplate.ExecuteAsync(db, t, User, request, cancellationToken);
        foreach (var (field, messages) in errors)
        {
            var key = field == nameof(PreviewTemplate.Request.Body) ? $"{nameof(Form)}.{nameof(Form.Body)}" : nameof(PreviewConversationId);
            foreach (var message in messages)
            {
                ModelState.AddModelError(key, message);
            }
        }

        Preview = preview;
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadExistingAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Existing = await GetTemplate.QueryAsync(db, id, cancellationToken);
            return Existing is not null;
        }

        return true;
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Activities = await SetupChoices.ActivitiesAsync(db, cancellationToken);
        Languages = await SetupChoices.LanguagesAsync(db, [Form.Language], cancellationToken);
    }
}
