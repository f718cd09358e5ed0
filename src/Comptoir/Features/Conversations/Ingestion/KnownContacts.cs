using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Recognition = Comptoir.Features.Customers.RecogniseCustomers.Recognition;

namespace Comptoir.Features.Conversations.Ingestion;

/// <summary>What the database already knows of an incoming batch: contacts stored before, and the conversations contacts continue.</summary>
internal static class KnownContacts
{
    // The lookups every batch makes are compiled once: a LINQ query is otherwise built, its parameters
    // extracted and its compiled form found in the cache at each execution, which cost more processor time
    // than reading its answer (decision 13).
    private static readonly PerModel<Func<ComptoirDbContext, List<string>, IAsyncEnumerable<StoredMessage>>> MessagesByExternalId =
        new(() => EF.CompileAsyncQuery((ComptoirDbContext db, List<string> keys) => db.Messages.AsNoTracking()
            .Where(m => m.ExternalId != null && keys.Contains(m.ExternalId))
            .Select(m => new StoredMessage(m.Channel, m.ExternalId!, m.Id, m.ConversationId))));

    private static readonly PerModel<Func<ComptoirDbContext, List<string>, IAsyncEnumerable<StoredMessage>>> EmailsByMessageId =
        new(() => EF.CompileAsyncQuery((ComptoirDbContext db, List<string> references) => db.Messages.AsNoTracking()
            .Where(m => m.Channel == Channel.Email && m.ExternalId != null && references.Contains(m.ExternalId))
            .Select(m => new StoredMessage(m.Channel, m.ExternalId!, m.Id, m.ConversationId))));

    private static readonly PerModel<Func<ComptoirDbContext, List<long>, DateTimeOffset, IAsyncEnumerable<Conversation>>> RecentMessagingConversations =
        new(() => EF.CompileAsyncQuery((ComptoirDbContext db, List<long> customers, DateTimeOffset since) => db.Conversations
            .Where(c => c.CustomerId != null && customers.Contains(c.CustomerId.Value) && (c.Channel == Channel.Sms || c.Channel == Channel.Social) && c.LastActivityAt >= since)));

    private sealed record StoredMessage(Channel Channel, string ExternalId, long Id, long ConversationId);

    /// <summary>Contacts already stored, by the channel's own id: the same message delivered twice is stored once.</summary>
    public static async Task<Dictionary<(Channel, string), IngestResult>> FindDuplicatesAsync(ComptoirDbContext db, IReadOnlyList<InboundContact> contacts, CancellationToken cancellationToken)
    {
        var keys = contacts.Where(c => c.ExternalId is not null).Select(c => c.ExternalId!).Distinct().ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var found = await MessagesByExternalId.For(db)(db, keys).ToListAsync(cancellationToken);
        if (found.Count == 0)
        {
            return [];
        }

        // Duplicates are rare: their customers are read only when there are some.
        var conversationIds = found.Select(m => m.ConversationId).Distinct().ToList();
        var customers = await db.Conversations.AsNoTracking()
            .Where(c => conversationIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.CustomerId, cancellationToken);
        return found
            .GroupBy(m => (m.Channel, m.ExternalId))
            .ToDictionary(g => g.Key, g => new IngestResult(g.First().ConversationId, g.First().Id, true, false, customers.GetValueOrDefault(g.First().ConversationId), true));
    }

    /// <summary>
    /// The conversation each contact continues, if any: an e-mail answering one of ours or the customer's
    /// (In-Reply-To, References), a message on the same social thread, or an SMS or social message from the
    /// same customer while their conversation on that channel is recent.
    /// </summary>
    public static async Task<Conversation?[]> FindContinuedConversationsAsync(
        ComptoirDbContext db, IngestionOptions options, List<InboundContact> contacts, Recognition[] recognitions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = new Conversation?[contacts.Count];
        var references = contacts
            .Where(c => c.Channel == Channel.Email)
            .SelectMany(c => c.References.Append(c.InReplyTo))
            .Where(r => !string.IsNullOrEmpty(r))
            .Select(r => r!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var byReference = references.Count == 0
            ? []
            : (await EmailsByMessageId.For(db)(db, references).ToListAsync(cancellationToken))
            .ToDictionary(m => m.ExternalId, m => m.ConversationId, StringComparer.Ordinal);

        var threadKeys = contacts.Where(c => c.ThreadKey is not null).Select(c => c.ThreadKey!).Distinct().ToList();
        var byThread = threadKeys.Count == 0
            ? []
            : (await db.Conversations.AsNoTracking()
                .Where(c => c.ThreadKey != null && threadKeys.Contains(c.ThreadKey))
                .Select(c => new { c.ThreadKey, c.Id })
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.ThreadKey!)
            .ToDictionary(g => g.Key, g => g.Max(c => c.Id), StringComparer.Ordinal);

        var recentSince = now - options.MessagingThreadWindow;
        var messagingCustomers = contacts
            .Select((c, i) => (c, i))
            .Where(x => x.c.Channel is Channel.Sms or Channel.Social && x.c.ThreadKey is null && recognitions[x.i].Customer is { Id: > 0 })
            .Select(x => recognitions[x.i].Customer!.Id)
            .Distinct()
            .ToList();
        // Loaded whole and tracked: the one a contact continues is then already at hand.
        var recent = messagingCustomers.Count == 0
            ? []
            : await RecentMessagingConversations.For(db)(db, messagingCustomers, recentSince).ToListAsync(cancellationToken);

        var wanted = new Dictionary<int, long>();
        for (var i = 0; i < contacts.Count; i++)
        {
            var contact = contacts[i];
            long? id = contact.Channel switch
            {
                Channel.Email => contact.References.Append(contact.InReplyTo)
                    .Where(r => r is not null && byReference.ContainsKey(r))
                    .Select(r => (long?)byReference[r!])
                    .LastOrDefault(),
                Channel.Sms or Channel.Social when contact.ThreadKey is { } thread => byThread.TryGetValue(thread, out var t) ? t : null,
                Channel.Sms or Channel.Social => recent
                    .Where(c => c.CustomerId == recognitions[i].Customer?.Id && c.Channel == contact.Channel)
                    .OrderByDescending(c => c.LastActivityAt)
                    .Select(c => (long?)c.Id)
                    .FirstOrDefault(),
                _ => null,
            };
            if (id is { } found)
            {
                wanted[i] = found;
            }
        }

        if (wanted.Count > 0)
        {
            var conversations = recent.ToDictionary(c => c.Id);
            var ids = wanted.Values.Where(id => !conversations.ContainsKey(id)).Distinct().ToList();
            if (ids.Count > 0)
            {
                foreach (var conversation in await db.Conversations.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken))
                {
                    conversations[conversation.Id] = conversation;
                }
            }

            foreach (var (index, id) in wanted)
            {
                var conversation = conversations[id];
                var tooOld = conversation.Status == ConversationStatus.Closed && conversation.ClosedAt < now - options.ReopenWindow;
                result[index] = tooOld ? null : conversation;
            }
        }

        return result;
    }
}
