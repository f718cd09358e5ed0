using System.Security.Claims;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Conversations;

/// <summary>The advisor's workspace for one conversation: thread, clocks, customer history and every action.</summary>
public sealed class ConversationViewModel(ComptoirDbContext db, IStringLocalizer<Texts> t, IOptions<OutboundOptions> outbound, TimeProvider time) : PageModel
{
    public GetConversation.Response Conversation { get; private set; } = null!;

    public StaffScope Scope { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<AnswerTemplates.Choice> Templates { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Queues { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Departments { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "modele")]
    public int? TemplateId { get; set; }

    [BindProperty]
    public string? ReplyBody { get; set; }

    [BindProperty]
    public bool WaitForCustomer { get; set; } = true;

    [BindProperty]
    public string? NoteBody { get; set; }

    [BindProperty]
    public string? Transfer { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int? CauseId { get; set; }

    /// <summary>Active causes to confirm or choose at the close; empty while no taxonomy exists.</summary>
    public IReadOnlyList<Causes.CauseChoices.Choice> Causes { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public string? Problem { get; private set; }

    public bool MayAct => Scope.MayAct() && Conversation.Status != ConversationStatus.Closed;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (TemplateId is { } template)
        {
            ReplyBody = await AnswerTemplates.FillAsync(db, template, Conversation.Customer?.Name, User.FindFirstValue(StaffClaimsFactory.DisplayNameClaim) ?? "", id, cancellationToken);
        }

        return Page();
    }

    public Task<IActionResult> OnPostTakeAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, () => TakeConversation.ExecuteAsync(db, StaffScope.Of(User), id, time, cancellationToken), t["Conversation prise en charge."], cancellationToken);

    public Task<IActionResult> OnPostReplyAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, () => ReplyToCustomer.ExecuteAsync(db, StaffScope.Of(User), id, new ReplyToCustomer.Request(ReplyBody ?? "", WaitForCustomer), outbound.Value, time, cancellationToken),
            t["Réponse envoyée."], cancellationToken);

    public Task<IActionResult> OnPostNoteAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, () => AddNote.ExecuteAsync(db, StaffScope.Of(User), id, NoteBody ?? "", time, cancellationToken), t["Note ajoutée."], cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, () => CloseConversation.ExecuteAsync(db, StaffScope.Of(User), id, Reason, CauseId, time, cancellationToken), t["Conversation close."], cancellationToken);

    public Task<IActionResult> OnPostTransferAsync(long id, CancellationToken cancellationToken)
    {
        // "queue:12" or "department:7" (in the conversation's store) or "store" (its director).
        var request = Transfer?.Split(':') switch
        {
            ["queue", var queue] when int.TryParse(queue, out var q) => new TransferConversation.Request(q, null, null, null),
            ["department", var department] when int.TryParse(department, out var d) => new TransferConversation.Request(null, null, d, null),
            ["store"] => new TransferConversation.Request(null, null, null, null),
            _ => null,
        };
        return ActAsync(
            id,
            () => request is null
                ? throw new ConversationActionException("Choisissez une file d'attente, ou un magasin et son rayon.")
                : TransferConversation.ExecuteAsync(db, StaffScope.Of(User), id, request, time, cancellationToken),
            t["Conversation transférée."],
            cancellationToken);
    }

    private async Task<IActionResult> ActAsync(long id, Func<Task<bool>> action, LocalizedString done, CancellationToken cancellationToken)
    {
        try
        {
            if (!await action())
            {
                return NotFound();
            }

            Notice = done;
            return RedirectToPage(new { id });
        }
        catch (ConversationActionException e)
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            Problem = t[e.Message];
            return Page();
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Scope = StaffScope.Of(User);
        Now = time.GetUtcNow();
        var conversation = await GetConversation.QueryAsync(db, Scope, id, cancellationToken);
        if (conversation is null)
        {
            return false;
        }

        Conversation = conversation;
        var activityId = await db.Conversations.AsNoTracking().Where(c => c.Id == id).Select(c => c.ActivityId).SingleAsync(cancellationToken);
        Templates = await AnswerTemplates.ForAsync(db, conversation.Language, activityId, cancellationToken);
        Causes = await Features.Causes.CauseChoices.ListAsync(db, activeOnly: true, cancellationToken);
        var queues = await db.Queues.AsNoTracking().OrderBy(q => q.Name).Select(q => new { q.Id, q.Name }).ToListAsync(cancellationToken);
        Queues = [.. queues.Select(q => (q.Id, q.Name))];
        if (conversation.Store is { } store)
        {
            var departments = await db.Stores.AsNoTracking().Where(s => s.Id == store.Id).SelectMany(s => s.Departments)
                .OrderBy(d => d.Department!.SortOrder).Select(d => new { d.DepartmentId, d.Department!.Name }).ToListAsync(cancellationToken);
            Departments = [.. departments.Select(d => (d.DepartmentId, d.Name.Current))];
        }

        return true;
    }
}
