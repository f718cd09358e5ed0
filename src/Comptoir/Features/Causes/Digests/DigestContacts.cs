using Comptoir.Features.Conversations;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Causes.Digests;

/// <summary>
/// Behind an irritant: the contacts of that cause in the digest's window and scope, newest first, each with
/// the customer's first words. A contact the reader may not open is listed without its link.
/// </summary>
public static class DigestContacts
{
    public sealed record Row(long ConversationId, DateTimeOffset CreatedAt, Channel Channel, string Subject, string? Excerpt, bool CanOpen);

    public sealed record Response(long DigestId, DateOnly LocalDate, CauseScope Scope, int ScopeId, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string TimeZoneId, int CauseId, string CausePath, Page<Row> Contacts);

    public static async Task<Response?> QueryAsync(ComptoirDbContext db, StaffScope reader, long digestId, int causeId, int? page, CancellationToken cancellationToken)
    {
        var digest = await db.CauseDigests.AsNoTracking().VisibleTo(reader).Where(d => d.Id == digestId)
            .Select(d => new { d.Id, d.LocalDate, d.Scope, d.ScopeId, d.WindowStart, d.WindowEnd, d.TimeZoneId })
            .SingleOrDefaultAsync(cancellationToken);
        var cause = (await CauseChoices.ListAsync(db, activeOnly: false, cancellationToken)).FirstOrDefault(c => c.Id == causeId);
        if (digest is null || cause is null)
        {
            return null;
        }

        var (number, size) = Paging.Clamp(page, Paging.DefaultSize);
        var contacts = db.Conversations.AsNoTracking()
            .Where(c => c.CauseId == causeId && c.CreatedAt >= digest.WindowStart && c.CreatedAt < digest.WindowEnd)
            .InScope(digest.Scope, digest.ScopeId);
        var total = await contacts.CountAsync(cancellationToken);
        var rows = await contacts.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(c => new { c.Id, c.CreatedAt, c.Channel, c.Subject })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var openable = (await db.Conversations.AsNoTracking().VisibleTo(db, reader).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var firstWords = (await db.Messages.AsNoTracking()
                .Where(m => ids.Contains(m.ConversationId) && m.Direction == MessageDirection.Inbound)
                .Select(m => new { m.ConversationId, m.At, m.Id, m.Subject, m.Body })
                .ToListAsync(cancellationToken))
            .GroupBy(m => m.ConversationId)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.At).ThenBy(m => m.Id).First());
        var items = rows.Select(r =>
        {
            var words = firstWords.GetValueOrDefault(r.Id);
            var excerpt = words is null || string.IsNullOrWhiteSpace(words.Body) ? null : ProduceDigest.Excerpt(words.Body);
            return new Row(r.Id, r.CreatedAt, r.Channel, r.Subject, excerpt, openable.Contains(r.Id));
        }).ToList();
        return new Response(digest.Id, digest.LocalDate, digest.Scope, digest.ScopeId, digest.WindowStart, digest.WindowEnd, digest.TimeZoneId, causeId, cause.Path,
            new Page<Row>(items, total, number, size));
    }
}
