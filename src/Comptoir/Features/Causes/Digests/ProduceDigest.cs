using Comptoir.Features.Conversations;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Causes.Digests;

/// <summary>
/// Builds one scope's digest for one local day from the hourly counts alone (five narrow ranges of the
/// <see cref="CauseCount"/> key: the window and the same window in each of the four previous weeks), then
/// quotes a few customers per cause from the conversations of the window, read by the (CauseId, CreatedAt)
/// index. The caller saves it; the unique (scope, scope id, day) index keeps one per day.
/// </summary>
public static class ProduceDigest
{
    public const int ComparedWeeks = 4;
    public const int VerbatimsPerCause = 3;
    private const int VerbatimCandidates = 30;
    private const int ExcerptLength = 240;

    public static async Task<CauseDigest> BuildAsync(
        ComptoirDbContext db, CauseScope scope, int scopeId, string timeZoneId, DateOnly localDate, CauseOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = Platform.Time.BusinessClock.Zone(timeZoneId);
        var (start, end) = DigestWindow.Of(localDate, options.DigestAt, zone);
        var current = await CountsAsync(db, scope, scopeId, start, end, cancellationToken);
        var previous = new List<IReadOnlyDictionary<int, int>>(ComparedWeeks);
        for (var week = 1; week <= ComparedWeeks; week++)
        {
            var (from, to) = DigestWindow.Of(localDate.AddDays(-7 * week), options.DigestAt, zone);
            previous.Add(await CountsAsync(db, scope, scopeId, from, to, cancellationToken));
        }

        var ranked = TopCauses.Rank(current, previous, options.TopCount);
        var yesterday = await PreviousTopAsync(db, scope, scopeId, localDate, options, zone, cancellationToken);
        var ids = ranked.Select(r => r.CauseId).ToList();
        var teams = (await CauseChoices.ListAsync(db, activeOnly: false, cancellationToken)).ToDictionary(c => c.Id, c => c.OwningTeam);
        var actions = await db.CauseActions.AsNoTracking().Where(a => ids.Contains(a.CauseId)).ToDictionaryAsync(a => a.CauseId, cancellationToken);

        var digest = new CauseDigest
        {
            Scope = scope,
            ScopeId = scopeId,
            LocalDate = localDate,
            TimeZoneId = zone.Id,
            WindowStart = start,
            WindowEnd = end,
            ProducedAt = now,
            TotalContacts = current.Values.Sum(),
        };
        foreach (var row in ranked)
        {
            var action = actions.GetValueOrDefault(row.CauseId);
            digest.Entries.Add(new CauseDigestEntry
            {
                Rank = row.Rank,
                CauseId = row.CauseId,
                Count = row.Count,
                PreviousAverage = row.PreviousAverage,
                TrendPercent = row.TrendPercent,
                IsNew = !yesterday.Contains(row.CauseId),
                OwningTeam = teams.GetValueOrDefault(row.CauseId),
                ActionPlan = action?.Plan,
                ActionStatus = action?.Status,
                Verbatims = [.. await VerbatimsAsync(db, scope, scopeId, row.CauseId, start, end, cancellationToken)],
            });
        }

        return digest;
    }

    /// <summary>Contacts per cause in whole hours [start, end) of one scope.</summary>
    public static async Task<Dictionary<int, int>> CountsAsync(ComptoirDbContext db, CauseScope scope, int scopeId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var from = CauseCounts.HourOf(start);
        var to = CauseCounts.HourOf(end);
        return await db.CauseCounts.AsNoTracking()
            .Where(c => c.Scope == scope && c.ScopeId == scopeId && c.Hour >= from && c.Hour < to)
            .GroupBy(c => c.CauseId)
            .Select(g => new { CauseId = g.Key, Count = g.Sum(c => c.Count) })
            .ToDictionaryAsync(g => g.CauseId, g => g.Count, cancellationToken);
    }

    /// <summary>The conversations of a digest's scope: all for the group, one country's otherwise.</summary>
    public static IQueryable<Conversation> InScope(this IQueryable<Conversation> conversations, CauseScope scope, int scopeId) => scope switch
    {
        CauseScope.Group => conversations,
        CauseScope.Country when scopeId == 0 => conversations.Where(c => c.CountryId == null),
        CauseScope.Country => conversations.Where(c => c.CountryId == scopeId),
        _ => conversations.Where(c => c.StoreId == scopeId),
    };

    /// <summary>The previous day's top list: its digest's, or, when it was not produced, ranked again from the counts.</summary>
    private static async Task<HashSet<int>> PreviousTopAsync(
        ComptoirDbContext db, CauseScope scope, int scopeId, DateOnly localDate, CauseOptions options, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var day = localDate.AddDays(-1);
        var digest = await db.CauseDigests.AsNoTracking()
            .Where(d => d.Scope == scope && d.ScopeId == scopeId && d.LocalDate == day)
            .Select(d => new { Causes = d.Entries.Select(e => e.CauseId).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (digest is not null)
        {
            return [.. digest.Causes];
        }

        var (start, end) = DigestWindow.Of(day, options.DigestAt, zone);
        var counts = await CountsAsync(db, scope, scopeId, start, end, cancellationToken);
        return counts.Count == 0 ? [] : [.. TopCauses.Rank(counts, [], options.TopCount).Select(r => r.CauseId)];
    }

    /// <summary>
    /// Three customers' words on the cause from the window: among the latest contacts, those an advisor
    /// confirmed first, then those the model was surest of.
    /// </summary>
    private static async Task<List<CauseDigestVerbatim>> VerbatimsAsync(
        ComptoirDbContext db, CauseScope scope, int scopeId, int causeId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var candidates = await db.Conversations.AsNoTracking()
            .Where(c => c.CauseId == causeId && c.CreatedAt >= start && c.CreatedAt < end)
            .InScope(scope, scopeId)
            .OrderByDescending(c => c.CreatedAt)
            .Take(VerbatimCandidates)
            .Select(c => new { c.Id, c.CauseState, c.CauseConfidence })
            .ToListAsync(cancellationToken);
        var verbatims = new List<CauseDigestVerbatim>(VerbatimsPerCause);
        foreach (var candidate in candidates
                     .OrderByDescending(c => c.CauseState is CauseState.Confirmed or CauseState.Corrected)
                     .ThenByDescending(c => c.CauseConfidence ?? 0))
        {
            var words = await LabelConversationCause.CustomerWordsAsync(db, candidate.Id, cancellationToken);
            if (words is not null)
            {
                verbatims.Add(new CauseDigestVerbatim { ConversationId = candidate.Id, Excerpt = Excerpt(words) });
            }

            if (verbatims.Count == VerbatimsPerCause)
            {
                break;
            }
        }

        return verbatims;
    }

    /// <summary>The customer's words on one line, cut at a word near <see cref="ExcerptLength"/> characters.</summary>
    public static string Excerpt(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= ExcerptLength)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', ExcerptLength - 1);
        return line[..(cut > ExcerptLength / 2 ? cut : ExcerptLength - 1)] + "…";
    }
}
