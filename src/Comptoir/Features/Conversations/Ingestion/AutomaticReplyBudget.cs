using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Conversations.Ingestion;

/// <summary>
/// The cap on automatic messages, counted per recipient as well as per conversation. A robot that answers
/// our acknowledgement with a fresh thread each time (no In-Reply-To, no Auto-Submitted) would otherwise
/// open a new conversation, and so earn a new acknowledgement, forever: once an address or number has
/// received <c>Ingestion:MaxAutomaticMessages</c> automatic messages within <see cref="Window"/>, it gets
/// no more, on any channel.
/// </summary>
public static class AutomaticReplyBudget
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    /// <summary>Compiled once: every ingestion batch asks (decision 13).</summary>
    private static readonly PerModel<Func<ComptoirDbContext, List<string>, int, DateTimeOffset, IAsyncEnumerable<string>>> Exhausted =
        new(() => EF.CompileAsyncQuery((ComptoirDbContext db, List<string> recipients, int max, DateTimeOffset since) => db.Messages.AsNoTracking()
            .Where(m => m.IsAutomatic && m.Direction == MessageDirection.Outbound && m.To != null && recipients.Contains(m.To) && m.At >= since)
            .GroupBy(m => m.To!)
            .Where(sent => sent.Count() >= max)
            .Select(sent => sent.Key)));

    /// <summary>The recipients, among <paramref name="recipients"/>, that have used up their automatic messages.</summary>
    public static async Task<HashSet<string>> ExhaustedAsync(
        ComptoirDbContext db, List<string> recipients, int max, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (recipients.Count == 0)
        {
            return [];
        }

        var exhausted = await Exhausted.For(db)(db, recipients, max, now - Window).ToListAsync(cancellationToken);
        return new HashSet<string>(exhausted, StringComparer.OrdinalIgnoreCase);
    }
}
