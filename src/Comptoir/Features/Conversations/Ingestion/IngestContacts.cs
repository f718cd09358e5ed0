using Comptoir.Features.Causes;
using Comptoir.Features.Customers;
using Comptoir.Features.Routing;
using Comptoir.Platform.Data;
using Comptoir.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Recognition = Comptoir.Features.Customers.RecogniseCustomers.Recognition;

namespace Comptoir.Features.Conversations.Ingestion;

/// <summary>
/// The way in for every channel: recognises duplicates, the customer and the conversation a contact
/// continues, routes new conversations to a queue with their service-level clocks, stores everything in one
/// transaction and queues the acknowledgement. Works on batches, so that many contacts arriving together
/// cost a handful of round trips.
/// </summary>
public sealed class IngestContacts(
    ComptoirDbContext db,
    RoutingCatalog catalog,
    CauseClassifier classifier,
    Acknowledgements acknowledgements,
    IOptions<IngestionOptions> options,
    DatabaseInfo database,
    IdReservoir ids,
    TimeProvider time)
{
    public async Task<IReadOnlyList<IngestResult>> ExecuteAsync(IReadOnlyList<InboundContact> contacts, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        contacts = WithinBackdating(contacts, now);
        var routing = await catalog.GetAsync(cancellationToken);
        var causes = await classifier.CurrentAsync(db, cancellationToken);
        var results = new IngestResult?[contacts.Count];

        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // Joins the caller's transaction when there is one (demo data). Otherwise, on SQLite, one write
        // transaction from the first read, as SQLite has one writer at a time and ids come after the largest.
        // On PostgreSQL the reads need none, and every write goes in one batch that is its own transaction
        // (BulkInsert.InsertAsync), which saves the round trips of BEGIN and COMMIT; the batch keeps one
        // connection throughout.
        var postgres = database.Provider == DatabaseProvider.PostgreSql;
        await using var transaction = db.Database.CurrentTransaction is null && !postgres ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await IngestAsync(contacts, now, routing, causes, results, transaction, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<IReadOnlyList<IngestResult>> IngestAsync(
        IReadOnlyList<InboundContact> contacts, DateTimeOffset now, RoutingCatalog.Snapshot routing, CauseClassifier.State causes, IngestResult?[] results,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction, CancellationToken cancellationToken)
    {
        // One round trip reads what the database knows of the whole batch and, on PostgreSQL, reserves the ids its
        // new rows may need (decision 15).
        var claims = contacts.Select(c => ContactClaims.Of(c, routing)).ToArray();
        var recipients = contacts
            .Where(c => !c.IsAutomated && c.Channel.CanReply() && c.ReplyTo is not null)
            .Select(c => c.ReplyTo!.Trim().ToLowerInvariant()).Distinct().ToList();
        var (known, lookups) = KnownContacts.Prepare(
            db, options.Value, contacts, [.. contacts.Select((c, i) => (c, claims[i].Identities.Select(x => x.Value).ToList(), claims[i].ProvenValue))], recipients, now);
        var reservation = ids.Reserve(db, lookups, IdsAtMost(contacts, claims));
        await lookups.ExecuteAsync(cancellationToken);
        var fresh = new List<int>();
        var seen = new HashSet<(Channel, string)>();
        for (var i = 0; i < contacts.Count; i++)
        {
            var contact = contacts[i];
            if (contact.ExternalId is { } external && known.Duplicates.TryGetValue((contact.Channel, external), out var existing))
            {
                results[i] = existing;
            }
            else if (contact.ExternalId is null || seen.Add((contact.Channel, contact.ExternalId)))
            {
                fresh.Add(i);
            }
        }

        var recognition = RecogniseCustomers.Execute([.. fresh.Select(i => claims[i])], known.Identities, now);
        var continued = known.Continued(options.Value, [.. fresh.Select(i => contacts[i])], [.. fresh.Select(i => claims[i].ProvenValue)], now);

        var givenLength = ColumnLimits.MaxLength<Message>(db.Model, nameof(Message.GivenIdentities));
        var conversations = new List<Conversation>();
        var messages = new List<(Message Message, Conversation Conversation)>();
        var attachments = new List<(Attachment Attachment, Message Message)>();
        var stored = new List<(int Index, Conversation Conversation, Message Message, bool IsNew, Recognition Recognition)>();
        for (var k = 0; k < fresh.Count; k++)
        {
            var contact = contacts[fresh[k]];
            var who = recognition.Recognitions[k];
            var language = LanguageOf(contact, who.Customer, routing);
            var conversation = continued[k];
            var isNew = conversation is null;
            if (conversation is null)
            {
                conversation = InboundConversations.Open(contact, who, claims[fresh[k]].ProvenValue, language, routing, now);
                if (contact.Kind == ConversationKind.Contact)
                {
                    classifier.Classify(causes, conversation, contact.Subject, contact.Body);
                }

                conversations.Add(conversation);
            }
            else
            {
                InboundConversations.Resume(conversation, contact, routing, now);
            }

            var message = InboundConversations.ToMessage(contact, now, options.Value.MaxAttachmentBytes, out var refused);
            message.GivenIdentities = GivenIdentityList.Format(claims[fresh[k]].Given, givenLength);
            messages.Add((message, conversation));
            attachments.AddRange(message.Attachments.Select(a => (a, message)));
            if (refused.Count > 0)
            {
                messages.Add((acknowledgements.RefusedAttachmentsNote(refused, now), conversation));
            }

            stored.Add((fresh[k], conversation, message, isNew, who));
        }

        // Acknowledgements quote their conversation's number, so they are composed once conversations have theirs
        // (one message id is kept per contact for them).
        var newIds = await reservation.TakeAsync(
            [recognition.NewCustomers.Count, recognition.NewIdentities.Count, conversations.Count, messages.Count + stored.Count, attachments.Count],
            cancellationToken);
        AssignParentIds(recognition, conversations, newIds);
        await RecogniseCustomers.ProposeAsync(db, recognition.Proposals, now, cancellationToken);
        // Recipients who have had their share of automatic messages get none (read with the lookups).
        var exhausted = known.Exhausted;
        foreach (var (index, conversation, _, isNew, _) in stored)
        {
            var contact = contacts[index];
            if (contact.ReplyTo is { } replyTo && exhausted.Contains(replyTo.Trim()))
            {
                continue;
            }

            if (acknowledgements.For(conversation, contact, isNew, now, routing) is { } acknowledgement)
            {
                messages.Add((acknowledgement, conversation));
            }
        }

        AssignChildIds(messages, attachments, newIds);

        // Continued conversations are tracked: their changes are written as EF would, but in the same batch.
        db.ChangeTracker.DetectChanges();
        var updates = db.PendingUpdates();
        // Anything else tracked (a proposal to merge two customers, rare) is saved by EF, in the same
        // transaction as the rows, which on PostgreSQL then needs an explicit one.
        await using var late = transaction is null && db.Database.CurrentTransaction is null
                               && db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Deleted)
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;

        // The inserts, the known customers' last contact and details, the conversations' changes and the
        // cause counts go in one batch.
        await db.InsertAsync(
            [
                db.Rows(recognition.NewCustomers),
                db.Rows([.. recognition.NewIdentities.Select(i => i.Identity)]),
                db.Rows(conversations),
                db.Rows([.. messages.Select(m => m.Message)]),
                db.Rows([.. attachments.Select(a => a.Attachment)]),
            ],
            [
                .. TouchKnownCustomers(recognition, now),
                .. CompleteCustomers(recognition),
                .. ProveIdentities(recognition),
                .. updates.Select(u => u.Statement),
                .. CauseCounts.Statements(conversations.Where(c => c.CauseId is not null).SelectMany(c => CauseCounts.For(c, c.CauseId!.Value, 1))),
            ],
            cancellationToken);
        TrackedUpdates.Accept(updates);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        if ((transaction ?? late) is { } own)
        {
            await own.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();

        foreach (var (index, conversation, message, isNew, who) in stored)
        {
            results[index] = new IngestResult(conversation.Id, message.Id, false, isNew, who.Customer?.Id, who.Recognised);
        }

        // A contact repeated inside the batch points at the stored copy.
        for (var i = 0; i < contacts.Count; i++)
        {
            results[i] ??= stored
                .Where(s => contacts[s.Index].Channel == contacts[i].Channel && contacts[s.Index].ExternalId == contacts[i].ExternalId)
                .Select(s => new IngestResult(s.Conversation.Id, s.Message.Id, true, false, s.Recognition.Customer?.Id, true))
                .First();
        }

        return results!;
    }

    /// <summary>
    /// Contacts dated in the future or further back than <see cref="IngestionOptions.MaxBackdating"/> are dated now;
    /// the list is copied only when one is.
    /// </summary>
    private IReadOnlyList<InboundContact> WithinBackdating(IReadOnlyList<InboundContact> contacts, DateTimeOffset now)
    {
        return contacts.Any(c => options.Value.Plausible(c.At, now) != c.At) ? [.. contacts.Select(c => c with { At = options.Value.Plausible(c.At, now) })] : contacts;
    }

    /// <summary>
    /// The most rows of each entity a batch can add, before its lookups say how many it will: a customer and its
    /// identities per contact, a conversation per contact, a message, a note about refused attachments and an
    /// acknowledgement per contact, and every attachment. In the order of <see cref="AssignParentIds"/>.
    /// </summary>
    private static (Type Entity, int AtMost)[] IdsAtMost(IReadOnlyList<InboundContact> contacts, RecogniseCustomers.Claim[] claims) =>
    [
        (typeof(Customer), claims.Count(c => c.Identities.Count > 0)),
        (typeof(CustomerIdentity), claims.Sum(c => c.Identities.Count)),
        (typeof(Conversation), contacts.Count),
        (typeof(Message), (2 * contacts.Count) + contacts.Count(c => c.Attachments.Count > 0)),
        (typeof(Attachment), contacts.Sum(c => c.Attachments.Count)),
    ];

    /// <summary>Known customers' last contact, in one statement.</summary>
    private IEnumerable<SqlStatement> TouchKnownCustomers(RecogniseCustomers.Result recognition, DateTimeOffset now)
    {
        var known = recognition.Recognitions.Where(r => r.Recognised && r.Customer is { Id: > 0 }).Select(r => (object?)r.Customer!.Id).Distinct().ToList();
        if (known.Count > 0)
        {
            var ids = string.Join(", ", known.Select((_, i) => "{" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}"));
            yield return new SqlStatement(
                $"UPDATE \"Customers\" SET \"LastContactAt\" = {{0}} WHERE \"Id\" IN ({ids}) AND \"LastContactAt\" < {{0}}",
                [db.ProviderValue<Customer>(nameof(Customer.LastContactAt), now), .. known]);
        }
    }

    /// <summary>
    /// Known customers whose name, language or country this batch filled in (rare): one statement each, which
    /// only fills what is still empty, in case an advisor filled it in meanwhile.
    /// </summary>
    private static IEnumerable<SqlStatement> CompleteCustomers(RecogniseCustomers.Result recognition) =>
        recognition.Completed.Select(customer => new SqlStatement(
            """
            UPDATE "Customers" SET "SearchKey" = CASE WHEN "DisplayName" IS NULL THEN {0} ELSE "SearchKey" END,
                "DisplayName" = COALESCE("DisplayName", {1}), "Language" = COALESCE("Language", {2}), "CountryId" = COALESCE("CountryId", {3})
            WHERE "Id" = {4}
            """,
            [Platform.Data.SearchKey.Normalize(customer.DisplayName), customer.DisplayName, customer.Language, customer.CountryId, customer.Id]));

    /// <summary>Stored identities this batch proved, or took from a customer who had only typed them.</summary>
    private IEnumerable<SqlStatement> ProveIdentities(RecogniseCustomers.Result recognition) =>
        recognition.ProofUpdates.Select(update => new SqlStatement(
            """UPDATE "CustomerIdentities" SET "CustomerId" = {0}, "Proof" = {1}, "ProvenAt" = {2} WHERE "Id" = {3}""",
            [
                update.Owner.Id,
                db.ProviderValue<CustomerIdentity>(nameof(CustomerIdentity.Proof), update.Proof),
                db.ProviderValue<CustomerIdentity>(nameof(CustomerIdentity.ProvenAt), update.ProvenAt),
                update.IdentityId,
            ]));

    private static void AssignParentIds(RecogniseCustomers.Result recognition, List<Conversation> conversations, long[][] ids)
    {
        for (var i = 0; i < recognition.NewCustomers.Count; i++)
        {
            recognition.NewCustomers[i].Id = ids[0][i];
        }

        for (var i = 0; i < recognition.NewIdentities.Count; i++)
        {
            recognition.NewIdentities[i].Identity.Id = ids[1][i];
            recognition.NewIdentities[i].Identity.CustomerId = recognition.NewIdentities[i].Owner.Id;
        }

        for (var i = 0; i < conversations.Count; i++)
        {
            conversations[i].Id = ids[2][i];
            conversations[i].CustomerId = conversations[i].Customer?.Id;
        }
    }

    private static void AssignChildIds(List<(Message Message, Conversation Conversation)> messages, List<(Attachment Attachment, Message Message)> attachments, long[][] ids)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            messages[i].Message.Id = ids[3][i];
            messages[i].Message.ConversationId = messages[i].Conversation.Id;
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            attachments[i].Attachment.Id = ids[4][i];
            attachments[i].Attachment.MessageId = attachments[i].Message.Id;
        }
    }

    private static string LanguageOf(InboundContact contact, Customer? customer, RoutingCatalog.Snapshot routing) =>
        contact.Language
        ?? LanguageGuess.Guess(contact.Subject + " " + contact.Body)
        ?? customer?.Language
        ?? (contact.CountryId is { } country && routing.Countries.TryGetValue(country, out var info) ? info.Language : null)
        ?? "fr";
}
