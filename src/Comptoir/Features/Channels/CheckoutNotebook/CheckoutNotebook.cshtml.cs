using System.ComponentModel.DataAnnotations;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.Customers;
using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Channels.CheckoutNotebook;

/// <summary>
/// The checkout notebook, on a tablet beside the tills: store staff write down a customer's words (the
/// bananas were not ripe) with the checkout and the department concerned. It goes to that department of
/// the store, and up in the day's figures like every other contact.
/// </summary>
[Authorize(Roles = $"{StaffRoles.StoreDirector},{StaffRoles.DepartmentManager}")]
public sealed class CheckoutNotebookModel(ComptoirDbContext db, ContactIntake intake, IStringLocalizer<Texts> t, TimeProvider time) : PageModel
{
    [BindProperty]
    public Entry Form { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public string StoreName { get; private set; } = "";

    public IReadOnlyList<(int Id, string Name)> Departments { get; private set; } = [];

    public sealed class Entry
    {
        [MaxLength(10)]
        public string? Checkout { get; set; }

        public int? DepartmentId { get; set; }

        [Required(ErrorMessage = "Notez les mots du client.")]
        [MaxLength(4000)]
        public string Words { get; set; } = "";

        [MaxLength(120)]
        public string? CustomerName { get; set; }

        [MaxLength(254)]
        public string? CustomerContact { get; set; }

        public string SubmissionId { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Form.SubmissionId = Guid.NewGuid().ToString("N");
        Form.DepartmentId = StaffScope.Of(User).DepartmentId;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var scope = StaffScope.Of(User);
        await LoadAsync(cancellationToken);
        if (Form.DepartmentId is { } department && !Departments.Any(d => d.Id == department))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Entry.DepartmentId)}", t["Choisissez un rayon de ce magasin."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var contact = Form.CustomerContact?.Trim();
        var identity = contact switch
        {
            null or "" => null,
            _ when contact.Contains('@', StringComparison.Ordinal) => ((IdentityKind, string)?)(IdentityKind.Email, contact),
            _ => (IdentityKind.Phone, contact),
        };
        var store = await db.Stores.AsNoTracking().Where(s => s.Id == scope.StoreId).Select(s => new { s.Id, s.CountryId }).SingleAsync(cancellationToken);
        var activity = await db.Activities.AsNoTracking().Where(a => a.Code == "SWITCHBOARD").Select(a => a.Id).SingleAsync(cancellationToken);
        await intake.SubmitAsync(new InboundContact
        {
            Channel = Channel.CheckoutNotebook,
            ExternalId = Guid.TryParseExact(Form.SubmissionId, "N", out _) ? "notebook:" + Form.SubmissionId : null,
            At = time.GetUtcNow(),
            ActivityId = activity,
            StoreId = store.Id,
            CountryId = store.CountryId,
            DepartmentId = Form.DepartmentId,
            Owner = ConversationOwner.Store,
            Subject = Form.Checkout is { Length: > 0 } checkout ? t["Carnet de caisse · caisse {0}", checkout] : t["Carnet de caisse"],
            Body = Form.Words.Trim(),
            CustomerName = Form.CustomerName,
            From = identity?.Item2,
            Identities = identity is { } i ? [i] : [],
        }, cancellationToken);

        Saved = t["Merci : les mots du client sont notés et transmis."];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var scope = StaffScope.Of(User);
        StoreName = await db.Stores.AsNoTracking().Where(s => s.Id == scope.StoreId).Select(s => s.Name).SingleAsync(cancellationToken);
        var departments = await db.Stores.AsNoTracking().Where(s => s.Id == scope.StoreId).SelectMany(s => s.Departments)
            .OrderBy(d => d.Department!.SortOrder).Select(d => new { d.DepartmentId, d.Department!.Name }).ToListAsync(cancellationToken);
        Departments = [.. departments.Select(d => (d.DepartmentId, d.Name.Current))];
    }
}
