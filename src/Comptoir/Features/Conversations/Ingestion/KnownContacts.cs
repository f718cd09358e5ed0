using Comptoir.Features.Customers;
using Comptoir.Platform.Data;

namespace Comptoir.Features.Conversations.Ingestion;

/// <summary>
/// What the database already knows of an incoming batch, read in one round trip (<see cref="ReadBatch"/>,
/// decision 15): contacts stored before, the identities the contacts carry and their customers, the
/// conversations the contacts may continue, and the recipients who have had their share of automatic messages.
/// Each query asks for a little more than the batch will use (the contacts that turn out to be duplicates), so that
/// none has to wait for another's answer.
/// </summary>
internal sealed class KnownContacts
{
    private readonly Dictionary<string, long> _byReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byThread = new(StringComparer.Ordinal);
    private readonly Dictionary<long, Conversation> _conversations = [];
    private readonly List<Conversation> _recent = [];

    private KnownContacts()
    {
    }

    /// <summary>Contacts already stored, by the channel's own id: the same message delivered twice is stored once.</summary>
    public Dictionary<(Channel, string), IngestResult> Duplicates { get; } = [];

    /// <summary>The identities among the batch's values, with their customers (not tracked).</summary>
    public List<RecogniseCustomers.KnownIdentity> Identities { get; } = [];

    /// <summary>Recipients, among those asked about, that have used up their automatic messages (<see cref="AutomaticReplyBudget"/>).</summary>
    public HashSet<string> Exhausted { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The queries that read what is known of <paramref name="contacts"/>, to run (<see cref="ReadBatch.ExecuteAsync"/>)
    /// before the result is used, given the normalised identity values each contact carries and the one its channel
    /// proves, if any (<paramref name="identities"/>), and the addresses and numbers that could be sent an automatic message, trimmed and in lower case
    /// (<paramref name="recipients"/>).
    /// </summary>
    internal static (KnownContacts Known, ReadBatch Batch) Prepare(
        ComptoirDbContext db, IngestionOptions options, IReadOnlyList<InboundContact> contacts, IReadOnlyList<(InboundContact Contact, List<string> Values, string? Proven)> identities,
        List<string> recipients, DateTimeOffset now)
    {
        var known = new KnownContacts();
        var batch = new ReadBatch(db);
        var messages = EntityLayout.Of<Message>(db);
        var conversations = EntityLayout.Of<Conversation>(db);
        var customers = EntityLayout.Of<Customer>(db);
        var identityLayout = EntityLayout.Of<CustomerIdentity>(db);
        var channel = (Channel c) => db.ProviderValue<Message>(nameof(Message.Channel), c);

        var keys = contacts.Where(c => c.ExternalId is not null).Select(c => c.ExternalId!).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count > 0)
        {
            batch.Add(
                new SqlStatement(
                    $$"""
                     SELECT m."Channel", m."ExternalId", m."Id", m."ConversationId", c."CustomerId"
                     FROM "Messages" AS m JOIN "Conversations" AS c ON c."Id" = m."ConversationId"
                     WHERE {{batch.In("m.\"ExternalId\"", 0)}}
                     """,
                    [batch.List(keys)]),
                row => known.Duplicates.TryAdd(
                    ((Channel)messages.Value(row, 0, nameof(Message.Channel))!, row.GetString(1)),
                    new IngestResult(row.GetInt64(3), row.GetInt64(2), true, false, row.IsDBNull(4) ? null : row.GetInt64(4), true)));
        }

        var values = identities.SelectMany(i => i.Values).Distinct(StringComparer.Ordinal).ToList();
        if (values.Count > 0)
        {
            var customersRead = new Dictionary<long, Customer>();
            batch.Add(
                new SqlStatement(
                    $$"""
                     SELECT i."Id", i."Kind", i."Value", i."Proof", {{customers.Select("c")}}
                     FROM "CustomerIdentities" AS i JOIN "Customers" AS c ON c."Id" = i."CustomerId"
                     WHERE {{batch.In("i.\"Value\"", 0)}}
                     """,
                    [batch.List(values)]),
                row =>
                {
                    var customer = customers.Materialize<Customer>(row, 4);
                    known.Identities.Add(new RecogniseCustomers.KnownIdentity(
                        row.GetInt64(0),
                        (IdentityKind)identityLayout.Value(row, 1, nameof(CustomerIdentity.Kind))!,
                        row.GetString(2),
                        (IdentityProof)identityLayout.Value(row, 3, nameof(CustomerIdentity.Proof))!,
                        customersRead.TryAdd(customer.Id, customer) ? customer : customersRead[customer.Id]));
                });
        }

        var references = contacts
            .Where(c => c.Channel == Channel.Email)
            .SelectMany(c => c.References.Append(c.InReplyTo))
            .Where(r => !string.IsNullOrEmpty(r))
            .Select(r => r!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (references.Count > 0)
        {
            batch.Add(
                new SqlStatement(
                    $$"""
                     SELECT m."ExternalId", {{conversations.Select("c")}}
                     FROM "Messages" AS m JOIN "Conversations" AS c ON c."Id" = m."ConversationId"
                     WHERE m."Channel" = {1} AND {{batch.In("m.\"ExternalId\"", 0)}}
                     """,
                    [batch.List(references), channel(Channel.Email)]),
                row => known._byReference[row.GetString(0)] = known.Track(db, conversations, row, 1).Id);
        }

        // The latest conversation of each thread.
        var threads = contacts.Where(c => c.ThreadKey is not null).Select(c => c.ThreadKey!).Distinct(StringComparer.Ordinal).ToList();
        if (threads.Count > 0)
        {
            var latest = $$"""SELECT MAX(t."Id") FROM "Conversations" AS t WHERE {{batch.In("t.\"ThreadKey\"", 0)}} GROUP BY t."ThreadKey" """;
            batch.Add(
                new SqlStatement(
                    $$"""
                     SELECT {{conversations.Select("c")}} FROM "Conversations" AS c
                     WHERE {{batch.InQuery("c.\"Id\"", latest)}}
                     """,
                    [batch.List(threads)]),
                row =>
                {
                    var conversation = known.Track(db, conversations, row, 0);
                    known._byThread[conversation.ThreadKey!] = conversation.Id;
                });
        }

        // An SMS or social message outside a thread continues the recent conversation on that channel that came from
        // the same proven identity (the sender's number or handle), never another conversation of its customer.
        var messaging = identities.Where(i => i.Contact.Channel is Channel.Sms or Channel.Social && i.Contact.ThreadKey is null && i.Proven is not null)
            .Select(i => i.Proven!).Distinct(StringComparer.Ordinal).ToList();
        if (messaging.Count > 0)
        {
            batch.Add(
                new SqlStatement(
                    $$"""
                     SELECT {{conversations.Select("c")}} FROM "Conversations" AS c
                     WHERE {{batch.In("c.\"ContactIdentity\"", 0)}}
                       AND c."Channel" IN ({1}, {2}) AND c."LastActivityAt" >= {3}
                     """,
                    [batch.List(messaging), channel(Channel.Sms), channel(Channel.Social), db.ProviderValue<Conversation>(nameof(Conversation.LastActivityAt), now - options.MessagingThreadWindow)]),
                row => known._recent.Add(known.Track(db, conversations, row, 0)));
        }

        if (recipients.Count > 0)
        {
            batch.Add(AutomaticReplyBudget.Query(db, batch, recipients, options.MaxAutomaticMessages, now), row => known.Exhausted.Add(row.GetString(0)));
        }

        return (known, batch);
    }

    /// <summary>
    /// The conversation each contact continues, if any: an e-mail answering one of ours or the customer's
    /// (In-Reply-To, References), a message on the same social thread, or an SMS or social message from the
    /// same proven identity (<paramref name="proven"/>, the normalised sender) while its conversation on that channel
    /// is recent. A closed conversation is reopened only within <see cref="IngestionOptions.ReopenWindow"/>.
    /// </summary>
    public Conversation?[] Continued(IngestionOptions options, List<InboundContact> contacts, string?[] proven, DateTimeOffset now)
    {
        var result = new Conversation?[contacts.Count];
        for (var i = 0; i < contacts.Count; i++)
        {
            var contact = contacts[i];
            long? id = contact.Channel switch
            {
                Channel.Email => contact.References.Append(contact.InReplyTo)
                    .Where(r => r is not null && _byReference.ContainsKey(r))
                    .Select(r => (long?)_byReference[r!])
                    .LastOrDefault(),
                Channel.Sms or Channel.Social when contact.ThreadKey is { } thread => _byThread.TryGetValue(thread, out var t) ? t : null,
                Channel.Sms or Channel.Social => _recent
                    .Where(c => proven[i] is { } sender && c.ContactIdentity == sender && c.Channel == contact.Channel)
                    .OrderByDescending(c => c.LastActivityAt)
                    .Select(c => (long?)c.Id)
                    .FirstOrDefault(),
                _ => null,
            };
            if (id is { } found)
            {
                var conversation = _conversations[found];
                var tooOld = conversation.Status == ConversationStatus.Closed && conversation.ClosedAt < now - options.ReopenWindow;
                result[i] = tooOld ? null : conversation;
            }
        }

        return result;
    }

    /// <summary>A conversation read from the row, tracked once (it may be continued, and its changes are then saved).</summary>
    private Conversation Track(ComptoirDbContext db, EntityLayout layout, System.Data.Common.DbDataReader row, int first)
    {
        var conversation = layout.Materialize<Conversation>(row, first);
        if (_conversations.TryGetValue(conversation.Id, out var tracked))
        {
            return tracked;
        }

        db.Attach(conversation);
        _conversations[conversation.Id] = conversation;
        return conversation;
    }
}
