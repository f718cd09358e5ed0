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
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Channels.Letters;

/// <summary>
/// A postal letter recorded by an advisor: the scan attached, the text typed or pasted, and whatever lets
/// the customer be recognised (e-mail, phone, card). It then waits in its activity's queue like any contact,
/// and is the recording member's site's work too: they open it once recorded, wherever it is routed.
/// </summary>
[Authorize(Roles = $"{StaffRoles.Advisor},{StaffRoles.Supervisor},{StaffRoles.SiteManager},{StaffRoles.Administrator}")]
public sealed class RecordLetterModel(ComptoirDbContext db, ContactIntake intake, IOptions<IngestionOptions> limits, IStringLocalizer<Texts> t, TimeProvider time) : PageModel
{
    private static readonly string[] ScanTypes = ["application/pdf", "image/jpeg", "image/png", "image/tiff"];

    [BindProperty]
    public Letter Form { get; set; } = new();

    public IReadOnlyList<(string Code, string Name)> Activities { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Stores { get; private set; } = [];

    public sealed class Letter
    {
        [Required(ErrorMessage = "Indiquez le nom de l'expéditeur.")]
        [MaxLength(200)]
        public string SenderName { get; set; } = "";

        [MaxLength(500)]
        public string? PostalAddress { get; set; }

        [EmailAddress(ErrorMessage = "Cette adresse e-mail n'est pas valide.")]
        public string? Email { get; set; }

        [MaxLength(30)]
        public string? Phone { get; set; }

        [MaxLength(40)]
        public string? LoyaltyCard { get; set; }

        public string Activity { get; set; } = "CONSUMER";

        public string? StoreCode { get; set; }

        public DateOnly? ReceivedOn { get; set; }

        [Required(ErrorMessage = "Tapez ou collez le texte de la lettre.")]
        [MaxLength(20_000)]
        public string Text { get; set; } = "";

        public IFormFile? Scan { get; set; }
    }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Form.Scan is { } scan)
        {
            if (scan.Length > limits.Value.MaxAttachmentBytes)
            {
                ModelState.AddModelError($"{nameof(Form)}.{nameof(Letter.Scan)}", t["Le scan dépasse la taille maximale : numérisez en noir et blanc ou en plusieurs fichiers."]);
            }
            else if (!ScanTypes.Contains(scan.ContentType))
            {
                ModelState.AddModelError($"{nameof(Form)}.{nameof(Letter.Scan)}", t["Le scan doit être un PDF, un JPEG, un PNG ou un TIFF."]);
            }
        }

        var activityId = await db.Activities.AsNoTracking().Where(a => a.Code == Form.Activity).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);
        if (activityId is null)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Letter.Activity)}", t["Choisissez l'activité concernée."]);
        }

        var store = Form.StoreCode is { Length: > 0 } code
            ? await db.Stores.AsNoTracking().Where(s => s.Code == code).Select(s => new { s.Id, s.CountryId }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var attachments = new List<InboundAttachment>();
        if (Form.Scan is { } file)
        {
            using var content = new MemoryStream();
            await file.CopyToAsync(content, cancellationToken);
            attachments.Add(new InboundAttachment(Path.GetFileName(file.FileName), file.ContentType, content.ToArray()));
        }

        var now = time.GetUtcNow();
        var receivedAt = Form.ReceivedOn is { } day ? new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero) : now;
        var body = Form.Text.Trim() + (string.IsNullOrWhiteSpace(Form.PostalAddress) ? "" : "\n\n— " + Form.SenderName.Trim() + "\n" + Form.PostalAddress.Trim());
        var result = await intake.SubmitAsync(new InboundContact
        {
            Channel = Channel.Letter,
            At = receivedAt < now ? receivedAt : now,
            ActivityId = activityId!.Value,
            StoreId = store?.Id,
            CountryId = store?.CountryId,
            SiteId = StaffScope.Of(User).SiteId,
            Subject = t["Courrier de {0}", Form.SenderName.Trim()],
            Body = body,
            CustomerName = Form.SenderName.Trim(),
            From = Form.Email,
            Identities =
            [
                .. Optional(IdentityKind.Email, Form.Email),
                .. Optional(IdentityKind.Phone, Form.Phone),
                .. Optional(IdentityKind.LoyaltyCard, Form.LoyaltyCard),
            ],
            Attachments = attachments,
        }, cancellationToken);

        return Redirect($"/app/conversations/{result.ConversationId}");
    }

    private static IEnumerable<(IdentityKind, string)> Optional(IdentityKind kind, string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : [(kind, value)];

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var activities = await db.Activities.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Code, a.Name }).ToListAsync(cancellationToken);
        Activities = [.. activities.Select(a => (a.Code, a.Name.Current))];
        var stores = await db.Stores.AsNoTracking().OrderBy(s => s.Code).Select(s => new { s.Code, s.Name }).ToListAsync(cancellationToken);
        Stores = [.. stores.Select(s => (s.Code, s.Name))];
    }
}
