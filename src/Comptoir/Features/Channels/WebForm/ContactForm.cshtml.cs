using System.ComponentModel.DataAnnotations;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.Customers;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Comptoir.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Channels.WebForm;

/// <summary>
/// The public contact form, usable without an account: per activity and per store, and, from a store's
/// page, addressed to its director. Posting it twice (a double click, a reload) stores it once.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicForm)]
public sealed class ContactFormModel(ComptoirDbContext db, ContactIntake intake, IStringLocalizer<Texts> t, TimeProvider time) : PageModel
{
    /// <summary>What a customer can write about, in their words, and the activity that answers it.</summary>
    public static readonly IReadOnlyList<(string Topic, string Activity)> Topics =
    [
        ("Mon magasin", "SWITCHBOARD"),
        ("Une commande en ligne ou une livraison", "ECOMMERCE"),
        ("Ma carte de paiement", "STORE_CARD"),
        ("Un produit", "CONSUMER"),
        ("Le carburant", "FUEL"),
        ("Une location de véhicule", "CAR_RENTAL"),
    ];

    [BindProperty]
    public Submission Form { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "magasin")]
    public string? StoreSlug { get; set; }

    [BindProperty(SupportsGet = true, Name = "directeur")]
    public bool ToDirector { get; set; }

    public string? StoreName { get; private set; }

    public string? DirectorName { get; private set; }

    public IReadOnlyList<(string Slug, string Name)> Stores { get; private set; } = [];

    public sealed class Submission
    {
        [Required(ErrorMessage = "Indiquez votre nom.")]
        [MaxLength(120, ErrorMessage = "Votre nom est trop long.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Indiquez votre adresse e-mail, pour que nous puissions vous répondre.")]
        [EmailAddress(ErrorMessage = "Cette adresse e-mail n'est pas valide.")]
        [MaxLength(254)]
        public string Email { get; set; } = "";

        [MaxLength(30)]
        public string? Phone { get; set; }

        [MaxLength(40)]
        public string? LoyaltyCard { get; set; }

        [MaxLength(40)]
        public string? OrderNumber { get; set; }

        public string Topic { get; set; } = "SWITCHBOARD";

        [Required(ErrorMessage = "Écrivez votre message.")]
        [MinLength(10, ErrorMessage = "Votre message est trop court : dites-nous en un peu plus.")]
        [MaxLength(5000, ErrorMessage = "Votre message dépasse 5 000 caractères.")]
        public string Message { get; set; } = "";

        /// <summary>Identifies this filling of the form, so that a second post of it is recognised.</summary>
        public string SubmissionId { get; set; } = "";

        /// <summary>Hidden from people; robots that fill every field fill it.</summary>
        public string? Website { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Form.SubmissionId = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(Form.Website))
        {
            // A robot: answer as if accepted, store nothing.
            return RedirectToPage("ContactReceived", new { reference = 0 });
        }

        var activity = await db.Activities.AsNoTracking().Where(a => a.Code == (ToDirector ? "SWITCHBOARD" : Form.Topic)).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);
        if (activity is null)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.Topic)}", t["Choisissez le sujet de votre message."]);
        }

        if (!Guid.TryParseExact(Form.SubmissionId, "N", out _))
        {
            Form.SubmissionId = Guid.NewGuid().ToString("N");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var store = StoreSlug is null ? null : await db.Stores.AsNoTracking().Where(s => s.Slug == StoreSlug).Select(s => new { s.Id, s.CountryId }).SingleOrDefaultAsync(cancellationToken);
        var result = await intake.SubmitAsync(new InboundContact
        {
            Channel = Channel.WebForm,
            ExternalId = "form:" + Form.SubmissionId,
            At = time.GetUtcNow(),
            ActivityId = activity!.Value,
            StoreId = store?.Id,
            CountryId = store?.CountryId,
            Owner = ToDirector && store is not null ? ConversationOwner.Store : ConversationOwner.ServiceCentre,
            Subject = ToDirector ? $"Message au directeur · {StoreName}" : Topics.FirstOrDefault(t => t.Activity == Form.Topic).Topic,
            Body = Form.Message.Trim(),
            From = Form.Email.Trim(),
            CustomerName = Form.Name.Trim(),
            ReplyTo = Form.Email.Trim(),
            Identities =
            [
                (IdentityKind.Email, Form.Email),
                .. Optional(IdentityKind.Phone, Form.Phone),
                .. Optional(IdentityKind.LoyaltyCard, Form.LoyaltyCard),
                .. Optional(IdentityKind.OrderNumber, Form.OrderNumber),
            ],
        }, cancellationToken);

        return RedirectToPage("ContactReceived", new { reference = result.ConversationId });
    }

    private static IEnumerable<(IdentityKind, string)> Optional(IdentityKind kind, string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : [(kind, value)];

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (StoreSlug is not null)
        {
            var store = await db.Stores.AsNoTracking().Where(s => s.Slug == StoreSlug).Select(s => new { s.Id, s.Name }).SingleOrDefaultAsync(cancellationToken);
            if (store is null)
            {
                return false;
            }

            StoreName = store.Name;
            DirectorName = await db.Staff.AsNoTracking()
                .Where(m => m.StoreId == store.Id && m.Role == Staff.StaffRole.StoreDirector)
                .Select(m => m.DisplayName)
                .FirstOrDefaultAsync(cancellationToken);
        }

        ToDirector = ToDirector && DirectorName is not null;
        var stores = await db.Stores.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Slug, s.Name }).ToListAsync(cancellationToken);
        Stores = [.. stores.Select(s => (s.Slug, s.Name))];
        return true;
    }
}
