using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Conversations;

/// <summary>
/// Commitment 5, "the customer is recognised", as a figure: of the conversations begun in a period, the
/// share tied to a customer we already knew, the share that created a new customer, and the anonymous rest.
/// </summary>
public static class RecognitionShare
{
    public sealed record Figures(int Total, int Recognised, int New, int Anonymous)
    {
        public double RecognisedShare => Total == 0 ? 0 : (double)Recognised / Total;

        public double TiedShare => Total == 0 ? 0 : (double)(Recognised + New) / Total;
    }

    public static async Task<Figures> QueryAsync(IQueryable<Conversation> conversations, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var counts = await conversations
            .Where(c => c.CreatedAt >= since && c.Kind == ConversationKind.Contact)
            .GroupBy(c => c.CustomerId == null ? 0 : c.CustomerRecognised ? 1 : 2)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Of(int key) => counts.Where(c => c.Key == key).Sum(c => c.Count);
        return new Figures(counts.Sum(c => c.Count), Of(1), Of(2), Of(0));
    }
}
