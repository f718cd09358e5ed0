using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Conversations.Ingestion;

/// <summary>
/// Where channels hand contacts over. Contacts submitted at the same moment are stored together in one
/// transaction (group commit), and each caller gets its answer only once its contact is committed, so that
/// a webhook is acknowledged, or an e-mail flagged as read, only after the contact is safe.
/// </summary>
public sealed partial class ContactIntake(IServiceScopeFactory scopes, IOptions<IngestionOptions> options, DatabaseInfo database, ILogger<ContactIntake> logger)
    : BackgroundService
{
    private readonly System.Threading.Channels.Channel<Pending> _pending = System.Threading.Channels.Channel.CreateBounded<Pending>(new System.Threading.Channels.BoundedChannelOptions(20_000) { SingleWriter = false });

    public async Task<IngestResult> SubmitAsync(InboundContact contact, CancellationToken cancellationToken)
    {
        var pending = new Pending(contact);
        await _pending.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<IngestResult>> SubmitAsync(IReadOnlyList<InboundContact> contacts, CancellationToken cancellationToken)
    {
        var pending = contacts.Select(c => new Pending(c)).ToList();
        foreach (var item in pending)
        {
            await _pending.Writer.WriteAsync(item, cancellationToken);
        }

        return await Task.WhenAll(pending.Select(p => p.Completion.Task)).WaitAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite has one writer whatever we do; PostgreSQL takes two batches at once.
        var writers = database.Provider == DatabaseProvider.Sqlite ? 1 : 2;
        return Task.WhenAll(Enumerable.Range(0, writers).Select(_ => WriteAsync(stoppingToken)));
    }

    private async Task WriteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(options.Value.MaxBatch);
        while (await _pending.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < options.Value.MaxBatch && _pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            await StoreAsync(batch, stoppingToken);
            batch.Clear();
        }
    }

    private async Task StoreAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        try
        {
            var results = await IngestAsync([.. batch.Select(p => p.Contact)], cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception) when (batch.Count > 1 && !cancellationToken.IsCancellationRequested)
        {
            // One bad contact must not fail the others: store them one by one.
            foreach (var item in batch)
            {
                await StoreAsync([item], cancellationToken);
            }
        }
        catch (Exception e)
        {
            LogFailed(logger, e, batch[0].Contact.Channel, batch[0].Contact.ExternalId);
            batch[0].Completion.TrySetException(e);
        }
    }

    private async Task<IReadOnlyList<IngestResult>> IngestAsync(IReadOnlyList<InboundContact> contacts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                return await scope.ServiceProvider.GetRequiredService<IngestContacts>().ExecuteAsync(contacts, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another writer stored the same customer identity or message first; the next attempt finds it.
            }
        }
    }

    private sealed record Pending(InboundContact Contact)
    {
        public TaskCompletionSource<IngestResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store a {Channel} contact ({ExternalId})")]
    private static partial void LogFailed(ILogger logger, Exception exception, Channel channel, string? externalId);
}
