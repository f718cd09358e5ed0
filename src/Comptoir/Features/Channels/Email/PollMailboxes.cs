using System.Collections.Concurrent;
using System.Net.Sockets;
using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Channels.Email;

/// <summary>
/// Reads every enabled mailbox every <see cref="EmailOptions.PollSeconds"/>. A mailbox that cannot be read
/// (server down, wrong password) is reported on the mailbox itself (<see cref="Mailbox.LastError"/>) and tried
/// again at the next round; it never stops the others nor the job.
/// </summary>
public sealed partial class PollMailboxes(
    IServiceScopeFactory scopes,
    ReadMailbox reader,
    IOptions<EmailOptions> options,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<PollMailboxes> logger) : BackgroundService
{
    // One reading of a mailbox at a time in this instance, whoever asks (the timer, a test, an administrator).
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _reading = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.PollSeconds <= 0 || !PeriodicJobs.Enabled(configuration))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Reads every enabled mailbox once and returns what each reading did (null where it failed).</summary>
    public async Task<IReadOnlyDictionary<int, MailboxReading?>> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<Mailbox> mailboxes;
        await using (var scope = scopes.CreateAsyncScope())
        {
            mailboxes = await scope.ServiceProvider.GetRequiredService<ComptoirDbContext>().Mailboxes.AsNoTracking()
                .Where(m => m.Enabled)
                .OrderBy(m => m.Id)
                .ToListAsync(cancellationToken);
        }

        var readings = new ConcurrentDictionary<int, MailboxReading?>();
        await Parallel.ForEachAsync(
            mailboxes,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.ParallelMailboxes), CancellationToken = cancellationToken },
            async (mailbox, token) => readings[mailbox.Id] = await PollAsync(mailbox, token));
        return readings;
    }

    private async Task<MailboxReading?> PollAsync(Mailbox mailbox, CancellationToken cancellationToken)
    {
        var gate = _reading.GetOrAdd(mailbox.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            MailboxReading? reading = null;
            string? error = null;
            try
            {
                reading = await reader.ExecuteAsync(mailbox, cancellationToken);
                if (reading.Failed > 0)
                {
                    error = $"{reading.Failed} message(s) could not be stored and stay unread on the server; they are tried again at the next reading.";
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                error = Describe(e, mailbox);
                LogMailboxFailed(logger, e, mailbox.Address, error);
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
            var now = time.GetUtcNow();
            await db.Mailboxes.Where(m => m.Id == mailbox.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.LastPolledAt, now).SetProperty(m => m.LastError, error), cancellationToken);
            return reading;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>What went wrong, in words an administrator can act on.</summary>
    private static string Describe(Exception e, Mailbox mailbox)
    {
        var server = $"{mailbox.ImapHost}:{mailbox.ImapPort}";
        var text = e switch
        {
            MailboxSettingsException => e.Message,
            AuthenticationException => $"The IMAP server {server} refused the user name or password of {mailbox.ImapUser}: check them in the mailbox settings.",
            SslHandshakeException => $"The secure connection to {server} failed ({e.Message}): check the security setting and the server's certificate.",
            SocketException => $"The IMAP server {server} could not be reached ({e.Message}): check the host and port.",
            TimeoutException or OperationCanceledException => $"The IMAP server {server} did not answer in time.",
            ImapCommandException or ProtocolException or IOException => $"The IMAP server {server} broke off the reading ({e.Message}); it is tried again at the next reading.",
            _ => $"Reading failed: {e.Message}",
        };
        return text.Length <= 1000 ? text : text[..1000];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox} could not be read: {Error}")]
    private static partial void LogMailboxFailed(ILogger logger, Exception exception, string mailbox, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mailbox reading round failed; it will try again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
