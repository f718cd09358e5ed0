using System.Globalization;
using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Channels.Email.Admin;

/// <summary>The mailbox form, shared by the page that adds a mailbox and the page that edits one.</summary>
[Authorize(Roles = StaffRoles.Administrator)]
public sealed class MailboxFormModel(ComptoirDbContext db, MailboxPasswords passwords, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public SaveMailbox.Request Form { get; set; } = new();

    public GetMailbox.Response? Existing { get; private set; }

    public IReadOnlyList<SelectListItem> Activities { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Stores { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Countries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Existing = await GetMailbox.QueryAsync(db, id, cancellationToken);
            if (Existing is null)
            {
                return NotFound();
            }

            Form = SaveMailbox.Request.From(Existing);
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Existing = await GetMailbox.QueryAsync(db, id, cancellationToken);
            if (Existing is null)
            {
                return NotFound();
            }
        }

        // Every mistake at once: the attributes' and those only the database can tell.
        foreach (var (field, messages) in await SaveMailbox.ValidateAsync(db, t, Id, Form, cancellationToken))
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError($"{nameof(Form)}.{field}", message);
            }
        }

        if (ModelState.IsValid)
        {
            var (mailbox, _) = await SaveMailbox.ExecuteAsync(db, passwords, t, Id, Form, cancellationToken);
            if (mailbox is not null)
            {
                TempData["Saved"] = mailbox.Address;
                return RedirectToPage("Mailboxes");
            }
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var activities = await db.Activities.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        Activities = [.. activities.Select(a => Choice(a.Id, a.Name.Current))];
        var stores = await db.Stores.AsNoTracking().OrderBy(s => s.Code).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(cancellationToken);
        Stores = [.. stores.Select(s => Choice(s.Id, $"{s.Code} · {s.Name}"))];
        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        Countries = [.. countries.Select(c => Choice(c.Id, c.Name.Current))];
    }

    private static SelectListItem Choice(int id, string label) => new(label, id.ToString(CultureInfo.InvariantCulture));
}
