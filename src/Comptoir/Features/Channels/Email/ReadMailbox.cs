using System.Collections.Concurrent;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Platform.Data;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Channels.Email;

/// <summary>What one reading of a mailbox did.</summary>
public sealed record MailboxReading(int Read, int Stored, int Duplicates, int KeptRaw, int Failed)
{
    public MailboxReading Add(MailboxReading other) =>
        new(Read + other.Read, Stored + other.Stored, Duplicates + other.Duplicates, KeptRaw + other.KeptRaw, Failed + other.Failed);
}

/// <summary>
/// Reads the unseen messages of one mailbox's INBOX over IMAP and hands them to the contact intake. A message
/// is flagged \Seen only once it is stored (as a contact, or raw when it cannot be read), so that a crash in
/// between loses nothing: the next reading finds it again and the intake recognises its Message-ID.
/// </summary>
public sealed partial class ReadMailbox(
    ContactIntake intake,
    MailboxPasswords passwords,
    IServiceScopeFactory scopes,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<ReadMailbox> logger)
{
    private readonly ConcurrentDictionary<(int Mailbox, string ExternalId), int> _failures = new();

    public async Task<MailboxReading> ExecuteAsync(Mailbox mailbox, CancellationToken cancellationToken)
    {
        using var client = new ImapClient { Timeout = options.Value.TimeoutSeconds * 1000 };
        await client.ConnectAsync(mailbox.ImapHost, mailbox.ImapPort, MailConnections.Of(mailbox.ImapSecurity), cancellationToken);
        await client.AuthenticateAsync(mailbox.ImapUser, passwords.Reveal(mailbox.ImapPasswordProtected), cancellationToken);
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite, cancellationToken);

        var origin = new MailboxOrigin(mailbox.Id, mailbox.Address, mailbox.ActivityId, mailbox.StoreId, mailbox.CountryId);
        var total = new MailboxReading(0, 0, 0, 0, 0);
        var unseen = await inbox.SearchAsync(SearchQuery.NotSeen, cancellationToken);
        if (unseen.Count > 0)
        {
            var summaries = await inbox.FetchAsync(unseen, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate | MessageSummaryItems.Size), cancellationToken);

            // Two batches in flight: the next one is fetched, parsed and submitted while the intake stores this one.
            InFlight? previous = null;
            foreach (var batch in Batches(summaries))
            {
                var current = await StartBatchAsync(inbox, batch, origin, cancellationToken);
                if (previous is not null)
                {
                    total = total.Add(await FinishBatchAsync(inbox, previous, origin, cancellationToken));
                }

                previous = current;
            }

            if (previous is not null)
            {
                total = total.Add(await FinishBatchAsync(inbox, previous, origin, cancellationToken));
            }
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        return total;
    }

    /// <summary>Fetches a batch, parses it and hands its contacts to the intake, without waiting for them to be stored.</summary>
    private async Task<InFlight> StartBatchAsync(IMailFolder inbox, IReadOnlyList<IMessageSummary> batch, MailboxOrigin origin, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var receivedAt = batch.ToDictionary(s => s.UniqueId, s => s.InternalDate is { } date && date < now ? date.ToUniversalTime() : now);
        var raws = new List<(UniqueId Uid, byte[] Raw)>(batch.Count);
        await ((ImapFolder)inbox).GetStreamsAsync(
            [.. batch.Select(s => s.UniqueId)],
            async (_, _, uid, stream, token) =>
            {
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, token);
                raws.Add((uid, copy.ToArray()));
            },
            cancellationToken);

        // A message the database would refuse (a field too long for its column, a NUL character) is kept raw with
        // the reason, rather than failing at every reading.
        IModel model;
        await using (var scope = scopes.CreateAsyncScope())
        {
            model = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>().Model;
        }

        var parsed = raws
            .Select(r => (r.Uid, r.Raw, Email: InboundEmailParser.Parse(r.Raw, origin, receivedAt[r.Uid])))
            .Select(p => p.Email.Contact is { } contact && StorableContact.Problem(model, contact) is { } problem
                ? (p.Uid, p.Raw, Email: p.Email with { Contact = null, Refusal = problem })
                : p)
            .ToList();

        // Submitted together, the contacts share the intake's transactions; each answer comes once committed.
        var submitted = parsed
            .Where(p => p.Email.Contact is not null)
            .Select(p => new Submitted(p.Uid, p.Raw, p.Email.ExternalId, intake.SubmitAsync(p.Email.Contact!, cancellationToken)))
            .ToList();
        var raw = parsed.Where(p => p.Email.Contact is null).Select(p => new Refused(p.Uid, p.Raw, p.Email.ExternalId, p.Email.Refusal!)).ToList();
        return new InFlight(now, parsed.Count, submitted, raw);
    }

    /// <summary>Waits for the batch to be stored, keeps raw what cannot be a contact, then flags what is safe as \Seen.</summary>
    private async Task<MailboxReading> FinishBatchAsync(IMailFolder inbox, InFlight batch, MailboxOrigin origin, CancellationToken cancellationToken)
    {
        var done = new List<UniqueId>(batch.Count);
        var raw = batch.Refused;
        int stored = 0, duplicates = 0, failed = 0;
        foreach (var (uid, bytes, externalId, result) in batch.Submitted)
        {
            try
            {
                var outcome = await result;
                done.Add(uid);
                _failures.TryRemove((origin.MailboxId, externalId), out _);
                if (outcome.Duplicate)
                {
                    duplicates++;
                }
                else
                {
                    stored++;
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var attempts = _failures.AddOrUpdate((origin.MailboxId, externalId), 1, (_, n) => n + 1);
                LogNotStored(logger, e, externalId, origin.Address, attempts);
                if (attempts >= options.Value.MaxStoreAttempts)
                {
                    _failures.TryRemove((origin.MailboxId, externalId), out _);
                    raw.Add(new Refused(uid, bytes, externalId, $"Le message n'a pas pu être enregistré après {attempts} essais : {e.Message}"));
                }
                else
                {
                    failed++;
                }
            }
        }

        if (raw.Count > 0)
        {
            await KeepRawAsync(raw, origin.Address, batch.Now, cancellationToken);
            done.AddRange(raw.Select(r => r.Uid));
        }

        if (done.Count > 0)
        {
            await inbox.StoreAsync(done, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true }, cancellationToken);
        }

        return new MailboxReading(batch.Count, stored, duplicates, raw.Count, failed);
    }

    /// <summary>Stores what could not become a contact, once per message even if it is read again after a crash.</summary>
    private async Task KeepRawAsync(List<Refused> items, string source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
        var ids = items.Select(i => i.ExternalId).Distinct().ToList();
        var known = await db.RawInbound.AsNoTracking()
            .Where(r => r.Channel == Channel.Email && r.Source == source && r.ExternalId != null && ids.Contains(r.ExternalId))
            .Select(r => r.ExternalId!)
            .ToListAsync(cancellationToken);
        var kept = new HashSet<string>(known, StringComparer.Ordinal);
        foreach (var (_, raw, externalId, reason) in items.Where(i => kept.Add(i.ExternalId)))
        {
            db.RawInbound.Add(new RawInbound
            {
                Channel = Channel.Email,
                Source = source,
                ExternalId = externalId,
                ReceivedAt = now,
                Payload = raw,
                Reason = reason.Length <= 1000 ? reason : reason[..1000],
                Status = RawInboundStatus.Flagged,
            });
            LogKeptRaw(logger, externalId, source, reason);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Batches of at most <see cref="EmailOptions.FetchBatch"/> messages and about <see cref="EmailOptions.FetchBatchBytes"/> bytes.</summary>
    private IEnumerable<IReadOnlyList<IMessageSummary>> Batches(IList<IMessageSummary> summaries)
    {
        var batch = new List<IMessageSummary>();
        long bytes = 0;
        foreach (var summary in summaries)
        {
            var size = (long)(summary.Size ?? 0);
            if (batch.Count > 0 && (batch.Count >= options.Value.FetchBatch || bytes + size > options.Value.FetchBatchBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }

            batch.Add(summary);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private sealed record Submitted(UniqueId Uid, byte[] Raw, string ExternalId, Task<IngestResult> Result);

    private sealed record Refused(UniqueId Uid, byte[] Raw, string ExternalId, string Reason);

    private sealed record InFlight(DateTimeOffset Now, int Count, List<Submitted> Submitted, List<Refused> Refused);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {ExternalId} of {Mailbox} could not be stored (attempt {Attempt}); it stays unread on the server")]
    private static partial void LogNotStored(ILogger logger, Exception exception, string externalId, string mailbox, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {ExternalId} of {Mailbox} is kept raw for an administrator: {Reason}")]
    private static partial void LogKeptRaw(ILogger logger, string externalId, string mailbox, string reason);
}
