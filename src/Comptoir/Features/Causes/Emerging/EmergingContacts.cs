using Comptoir.Features.Conversations;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Causes.Emerging;

/// <summary>The contacts of a period as detection reads them: where they come from, their cause, the customer's first words.</summary>
public static class EmergingContacts
{
    private const int MaxTextLength = 2000;

    public sealed record Contact(long ConversationId, int? CountryId, int? CauseId, DateTimeOffset CreatedAt, string Text)
    {
        private IReadOnlySet<string>? _terms;

        public IReadOnlySet<string> Terms => _terms ??= EmergingTerms.Of(Text);

        public bool IsIn(CauseScope scope, int scopeId) => scope == CauseScope.Group || (CountryId ?? 0) == scopeId;
    }

    /// <summary>The contacts of a scope received from <paramref name="from"/> (included) to <paramref name="to"/> (excluded).</summary>
    public static async Task<IReadOnlyList<Contact>> LoadAsync(
        ComptoirDbContext db, CauseScope scope, int scopeId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await In(db, scope, scopeId, from, to)
            .Select(c => new
            {
                c.Id,
                c.CountryId,
                c.CauseId,
                c.CreatedAt,
                First = db.Messages
                    .Where(m => m.ConversationId == c.Id && m.Direction == MessageDirection.Inbound)
                    .OrderBy(m => m.At).ThenBy(m => m.Id)
                    .Select(m => new { m.Subject, m.Body })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return
        [
            .. rows.Where(r => r.First is not null).Select(r =>
            {
                var text = string.IsNullOrWhiteSpace(r.First!.Subject) ? r.First.Body : r.First.Subject + "\n" + r.First.Body;
                return new Contact(r.Id, r.CountryId, r.CauseId, r.CreatedAt, text.Length > MaxTextLength ? text[..MaxTextLength] : text);
            }),
        ];
    }

    /// <summary>When the scope's first contact from <paramref name="from"/> to <paramref name="to"/> came in; null when none did.</summary>
    public static Task<DateTimeOffset?> FirstAsync(
        ComptoirDbContext db, CauseScope scope, int scopeId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        In(db, scope, scopeId, from, to).OrderBy(c => c.CreatedAt).Select(c => (DateTimeOffset?)c.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The conversations of a scope in a period: all for the group, a country's, or those of no known country (country 0).</summary>
    private static IQueryable<Conversation> In(ComptoirDbContext db, CauseScope scope, int scopeId, DateTimeOffset from, DateTimeOffset to)
    {
        var conversations = db.Conversations.AsNoTracking().Where(c => c.CreatedAt >= from && c.CreatedAt < to);
        return (scope, scopeId) switch
        {
            (CauseScope.Group, _) => conversations,
            (_, 0) => conversations.Where(c => c.CountryId == null),
            _ => conversations.Where(c => c.CountryId == scopeId),
        };
    }

    public static DayCounts Count(IEnumerable<Contact> contacts, CauseScope scope, int scopeId)
    {
        var counts = new DayCounts();
        foreach (var contact in contacts.Where(c => c.IsIn(scope, scopeId)))
        {
            counts.Add(contact.Terms, contact.CauseId);
        }

        return counts;
    }

    /// <summary>About 200 characters of the customer's words around the first word of the term.</summary>
    public static string Excerpt(string text, string? term)
    {
        const int Width = 200;
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= Width)
        {
            return flat;
        }

        var at = 0;
        if (term is not null)
        {
            var word = term.Split(' ')[0];
            at = Math.Max(0, FoldInPlace(flat).IndexOf(word, StringComparison.Ordinal));
        }

        var start = Math.Clamp(at - (Width / 3), 0, flat.Length - Width);
        return (start > 0 ? "…" : "") + flat.Substring(start, Width).Trim() + (start + Width < flat.Length ? "…" : "");
    }

    /// <summary>The text folded one character for one, so that positions match the original.</summary>
    private static string FoldInPlace(string text)
    {
        Span<char> folded = stackalloc char[4];
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = Classification.TextFolding.Fold(text[i], folded) > 0 ? folded[0] : ' ';
        }

        return new string(chars);
    }
}
