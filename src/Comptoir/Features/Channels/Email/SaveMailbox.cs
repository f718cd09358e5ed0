using System.ComponentModel.DataAnnotations;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Comptoir.Platform.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Channels.Email;

/// <summary>
/// An administrator adds or changes a mailbox: where it is read (IMAP), where its answers leave (SMTP), and
/// which activity, store and country its messages belong to. Passwords are stored protected and never
/// shown back; an empty password when editing keeps the stored one.
/// </summary>
public static class SaveMailbox
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Saisissez l'adresse e-mail de la boîte.")]
        [EmailAddress(ErrorMessage = "Cette adresse e-mail n'est pas valide.")]
        [MaxLength(254)]
        public string Address { get; set; } = "";

        [Required(ErrorMessage = "Saisissez le nom d'expéditeur que verront les clients.")]
        [MaxLength(120)]
        public string DisplayName { get; set; } = "";

        public int ActivityId { get; set; }

        public int? StoreId { get; set; }

        public int? CountryId { get; set; }

        [Required(ErrorMessage = "Saisissez le serveur IMAP.")]
        [MaxLength(200)]
        public string ImapHost { get; set; } = "";

        [Range(1, 65535, ErrorMessage = "Un port est un nombre de 1 à 65535.")]
        public int ImapPort { get; set; } = 993;

        public MailSecurity ImapSecurity { get; set; } = MailSecurity.SslOnConnect;

        [Required(ErrorMessage = "Saisissez l'identifiant IMAP.")]
        [MaxLength(200)]
        public string ImapUser { get; set; } = "";

        [MaxLength(500)]
        public string? ImapPassword { get; set; }

        [Required(ErrorMessage = "Saisissez le serveur SMTP.")]
        [MaxLength(200)]
        public string SmtpHost { get; set; } = "";

        [Range(1, 65535, ErrorMessage = "Un port est un nombre de 1 à 65535.")]
        public int SmtpPort { get; set; } = 587;

        public MailSecurity SmtpSecurity { get; set; } = MailSecurity.StartTls;

        [MaxLength(200)]
        public string? SmtpUser { get; set; }

        [MaxLength(500)]
        public string? SmtpPassword { get; set; }

        public bool Enabled { get; set; } = true;

        public static Request From(GetMailbox.Response m) => new()
        {
            Address = m.Address,
            DisplayName = m.DisplayName,
            ActivityId = m.ActivityId,
            StoreId = m.StoreId,
            CountryId = m.CountryId,
            ImapHost = m.ImapHost,
            ImapPort = m.ImapPort,
            ImapSecurity = m.ImapSecurity,
            ImapUser = m.ImapUser,
            SmtpHost = m.SmtpHost,
            SmtpPort = m.SmtpPort,
            SmtpSecurity = m.SmtpSecurity,
            SmtpUser = m.SmtpUser,
            Enabled = m.Enabled,
        };
    }

    public static async Task<Results<Created<GetMailbox.Response>, ValidationProblem>> CreateAsync(
        Request request, ComptoirDbContext db, MailboxPasswords passwords, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        var (mailbox, errors) = await ExecuteAsync(db, passwords, t, null, request, cancellationToken);
        return mailbox is null
            ? TypedResults.ValidationProblem(errors, title: t["La boîte mail n'a pas été enregistrée."])
            : TypedResults.Created($"/api/mailboxes/{mailbox.Id}", GetMailbox.ToResponse(mailbox));
    }

    public static async Task<Results<Ok<GetMailbox.Response>, NotFound, ValidationProblem>> UpdateAsync(
        int id, Request request, ComptoirDbContext db, MailboxPasswords passwords, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        if (!await db.Mailboxes.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var (mailbox, errors) = await ExecuteAsync(db, passwords, t, id, request, cancellationToken);
        return mailbox is null
            ? TypedResults.ValidationProblem(errors, title: t["La boîte mail n'a pas été enregistrée."])
            : TypedResults.Ok(GetMailbox.ToResponse(mailbox));
    }

    /// <summary>What is wrong with the request beyond its attributes, field by field (empty when nothing is).</summary>
    public static async Task<Dictionary<string, string[]>> ValidateAsync(
        ComptoirDbContext db, IStringLocalizer<Texts> t, int? id, Request request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        var address = (request.Address ?? "").Trim().ToLowerInvariant();
        if (address.Length > 0 && await db.Mailboxes.AnyAsync(m => m.Address == address && m.Id != (id ?? 0), cancellationToken))
        {
            Fail(nameof(Request.Address), t["Une autre boîte mail a déjà cette adresse."]);
        }

        if (request.DisplayName is { Length: > 0 } && DisplayNames.Clean(request.DisplayName) is null)
        {
            Fail(nameof(Request.DisplayName), t["Saisissez le nom d'expéditeur que verront les clients."]);
        }

        if (!await db.Activities.AnyAsync(a => a.Id == request.ActivityId, cancellationToken))
        {
            Fail(nameof(Request.ActivityId), t["Choisissez l'activité dont cette boîte reçoit les messages."]);
        }

        if (request.StoreId is { } storeId)
        {
            if (!await db.Stores.AnyAsync(s => s.Id == storeId, cancellationToken))
            {
                Fail(nameof(Request.StoreId), t["Ce magasin n'existe pas."]);
            }
        }
        else if (request.CountryId is { } country && !await db.Countries.AnyAsync(c => c.Id == country, cancellationToken))
        {
            Fail(nameof(Request.CountryId), t["Ce pays n'existe pas."]);
        }

        if (id is null && string.IsNullOrEmpty(request.ImapPassword))
        {
            Fail(nameof(Request.ImapPassword), t["Saisissez le mot de passe IMAP."]);
        }

        return errors;
    }

    /// <summary>Creates (<paramref name="id"/> null) or changes the mailbox, or returns what is wrong field by field.</summary>
    public static async Task<(Mailbox? Mailbox, Dictionary<string, string[]> Errors)> ExecuteAsync(
        ComptoirDbContext db, MailboxPasswords passwords, IStringLocalizer<Texts> t, int? id, Request request, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(db, t, id, request, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var mailbox = id is { } existing ? await db.Mailboxes.SingleAsync(m => m.Id == existing, cancellationToken) : null;
        var address = request.Address.Trim().ToLowerInvariant();
        var countryId = request.StoreId is { } storeId
            ? await db.Stores.Where(s => s.Id == storeId).Select(s => (int?)s.CountryId).SingleAsync(cancellationToken)
            : request.CountryId;
        if (mailbox is null)
        {
            mailbox = new Mailbox
            {
                Address = address,
                DisplayName = "",
                ImapHost = "",
                ImapUser = "",
                ImapPasswordProtected = passwords.Protect(request.ImapPassword!),
                SmtpHost = "",
            };
            db.Mailboxes.Add(mailbox);
        }
        else if (!string.IsNullOrEmpty(request.ImapPassword))
        {
            mailbox.ImapPasswordProtected = passwords.Protect(request.ImapPassword);
        }

        mailbox.Address = address;
        mailbox.DisplayName = DisplayNames.Clean(request.DisplayName) ?? "";
        mailbox.ActivityId = request.ActivityId;
        mailbox.StoreId = request.StoreId;
        mailbox.CountryId = countryId;
        mailbox.ImapHost = request.ImapHost.Trim();
        mailbox.ImapPort = request.ImapPort;
        mailbox.ImapSecurity = request.ImapSecurity;
        mailbox.ImapUser = request.ImapUser.Trim();
        mailbox.SmtpHost = request.SmtpHost.Trim();
        mailbox.SmtpPort = request.SmtpPort;
        mailbox.SmtpSecurity = request.SmtpSecurity;
        mailbox.SmtpUser = string.IsNullOrWhiteSpace(request.SmtpUser) ? null : request.SmtpUser.Trim();
        if (mailbox.SmtpUser is null)
        {
            mailbox.SmtpPasswordProtected = null;
        }
        else if (!string.IsNullOrEmpty(request.SmtpPassword))
        {
            mailbox.SmtpPasswordProtected = passwords.Protect(request.SmtpPassword);
        }

        mailbox.Enabled = request.Enabled;
        await db.SaveChangesAsync(cancellationToken);
        return (mailbox, errors);
    }
}
