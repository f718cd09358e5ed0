using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Channels.Email;

/// <summary>A mailbox's settings and last reading, as administrators see them: passwords never leave the server.</summary>
public static class GetMailbox
{
    public sealed record Response(
        int Id,
        string Address,
        string DisplayName,
        int ActivityId,
        int? StoreId,
        int? CountryId,
        string ImapHost,
        int ImapPort,
        MailSecurity ImapSecurity,
        string ImapUser,
        string SmtpHost,
        int SmtpPort,
        MailSecurity SmtpSecurity,
        string? SmtpUser,
        bool HasSmtpPassword,
        bool Enabled,
        DateTimeOffset? LastPolledAt,
        string? LastError);

    public static async Task<Results<Ok<Response>, NotFound>> HandleAsync(int id, ComptoirDbContext db, CancellationToken cancellationToken) =>
        await QueryAsync(db, id, cancellationToken) is { } mailbox ? TypedResults.Ok(mailbox) : TypedResults.NotFound();

    public static Task<Response?> QueryAsync(ComptoirDbContext db, int id, CancellationToken cancellationToken) =>
        db.Mailboxes.AsNoTracking().Where(m => m.Id == id).Select(m => ToResponse(m)).SingleOrDefaultAsync(cancellationToken);

    internal static Response ToResponse(Mailbox m) => new(
        m.Id, m.Address, m.DisplayName, m.ActivityId, m.StoreId, m.CountryId,
        m.ImapHost, m.ImapPort, m.ImapSecurity, m.ImapUser,
        m.SmtpHost, m.SmtpPort, m.SmtpSecurity, m.SmtpUser, m.SmtpPasswordProtected != null,
        m.Enabled, m.LastPolledAt, m.LastError);
}
