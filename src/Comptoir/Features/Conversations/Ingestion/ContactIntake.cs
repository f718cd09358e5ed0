using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Conversations.Ingestion;

/// <summary>
/// Where channels hand contacts over. Contacts submitted at the same moment are stored together in one
/// transaction (group commit), and each caller gets its answer only once its contact is committed, so that
/// a webhook is acknowledged, or an e-mail flagged as read, only after the contact is safe. When the
/// application stops, every caller still waiting is answered with an <see cref="OperationCanceledException"/>,
/// which a webhook turns into "503, try again later": none is left without an answer.
/// </summary>
public sealed partial class ContactIntake(
    IServiceProvider services, IOptions<IngestionOptions> options, DatabaseInfo database, GrowingTables growingTables, ILogger<ContactIntake> logger)
    : BackgroundService
{
    /// <summary>
    /// The writers' contexts: on PostgreSQL, from the pool whose connections run generic plans, unless
    /// <see cref="IngestionOptions.PostgresGenericPlans"/> is off.
    /// </summary>
    private readonly IDbContextFactory<ComptoirDbContext> _contexts = options.Value.PostgresGenericPlans
        ? services.GetRequiredKeyedService<IDbContextFactory<ComptoirDbContext>>(GenericPlans.Writers)
        : services.GetRequiredService<IDbContextFactory<ComptoirDbContext>>();

    /// <summary>A batch's use case on the writers' context, its other services from the batch's scope.</summary>
    private static readonly ObjectFactory<IngestContacts> NewIngestContacts = ActivatorUtilities.CreateFactory<IngestContacts>([typeof(ComptoirDbContext)]);

    /// <summary>SQLite has one writer whatever we do; PostgreSQL may commit several batches at once (<see cref="IngestionOptions.PostgresWriters"/>, one by default).</summary>
    private readonly System.Threading.Channels.Channel<Pending>[] _writers = [.. Enumerable.Range(0, database.Provider == DatabaseProvider.Sqlite ? 1 : Math.Max(1, options.Value.PostgresWriters))
        .Select(_ => System.Threading.Channels.Channel.CreateBounded<Pending>(new System.Threading.Channels.BoundedChannelOptions(20_000) { SingleReader = true }))];

    public async Task<IngestResult> SubmitAsync(InboundContact contact, CancellationToken cancellationToken)
    {
        var pending = new Pending(contact);
        await EnqueueAsync(pending, cancellationToken);
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<IngestResult>> SubmitAsync(IReadOnlyList<InboundContact> contacts, CancellationToken cancellationToken)
    {
        var pending = contacts.Select(c => new Pending(c)).ToList();
        foreach (var item in pending)
        {
            await EnqueueAsync(item, cancellationToken);
        }

        return await Task.WhenAll(pending.Select(p => p.Completion.Task)).WaitAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_writers.Select(writer => WriteAsync(writer, stoppingToken)));

    private async Task EnqueueAsync(Pending pending, CancellationToken cancellationToken)
    {
        try
        {
            await WriterFor(pending.Contact).Writer.WriteAsync(pending, cancellationToken);
        }
        catch (System.Threading.Channels.ChannelClosedException e)
        {
            throw new OperationCanceledException("The application is stopping: the contact was not stored.", e);
        }
    }

    /// <summary>
    /// Contacts of one customer always go to the same writer, so that two writers never race to create the
    /// same customer or continue the same conversation.
    /// </summary>
    private System.Threading.Channels.Channel<Pending> WriterFor(InboundContact contact)
    {
        if (_writers.Length == 1 || contact.Identities.Count == 0)
        {
            return _writers[0];
        }

        var key = new string([.. contact.Identities[0].Value.Where(char.IsLetterOrDigit).TakeLast(9)]).ToUpperInvariant();
        var hash = 0u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return _writers[hash % (uint)_writers.Length];
    }

    private async Task WriteAsync(System.Threading.Channels.Channel<Pending> writer, CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(options.Value.MaxBatch);
        try
        {
            while (await writer.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < options.Value.MaxBatch && writer.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                await StoreAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // A normal stop, not a failure of the service.
        }
        finally
        {
            // Stopping: nothing more is taken, and whoever still waits is told to try again later.
            writer.Writer.TryComplete();
            foreach (var item in batch)
            {
                item.Completion.TrySetCanceled(CancellationToken.None);
            }

            while (writer.Reader.TryRead(out var item))
            {
                item.Completion.TrySetCanceled(CancellationToken.None);
            }
        }
    }

    private async Task StoreAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        try
        {
            var results = await IngestAsync([.. batch.Select(p => p.Contact)], cancellationToken);
            growingTables.Stored(batch.Count);
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
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: every caller of the batch gets a retryable answer, not only the first.
            foreach (var item in batch)
            {
                item.Completion.TrySetCanceled(CancellationToken.None);
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
            await using var scope = services.CreateAsyncScope();
            await using var db = _contexts.CreateDbContext();
            try
            {
                return await NewIngestContacts(scope.ServiceProvider, [db]).ExecuteAsync(contacts, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 5)
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
