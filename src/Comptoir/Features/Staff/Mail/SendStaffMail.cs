using System.Text;
using Comptoir.Features.Channels.Email;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Comptoir.Features.Staff.Mail;

/// <summary>
/// The staff mail outbox: sends pending <see cref="StaffMail"/> over SMTP through the server of
/// <c>Outbound:Smtp</c>, from <see cref="OutboundOptions.DefaultFromAddress"/>, each claimed by one instance
/// at a time and retried with growing delays until it goes or fails for good.
/// </summary>
public sealed partial class SendStaffMail(
    IServiceScopeFactory scopes,
    IOptions<FallbackSmtpOptions> smtp,
    IOptions<OutboundOptions> outbound,
    IOptions<EmailOptions> email,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<SendStaffMail> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1)];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicJobs.RunEveryAsync(configuration, TimeSpan.FromSeconds(10), time, RunOnceAsync, e => LogLoopFailed(logger, e), stoppingToken);

    /// <summary>Sends the mail due now; returns how many were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
        var now = time.GetUtcNow();
        var due = await db.StaffMails.AsNoTracking()
            .Where(m => m.Status == StaffMailStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Take(100)
            .Select(m => new { m.Id, m.NextAttemptAt })
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var item in due)
        {
            // Claim: only the instance that moves the attempt time forward sends it.
            var leased = now + Lease;
            var claimed = await db.StaffMails
                .Where(m => m.Id == item.Id && m.Status == StaffMailStatus.Pending && m.NextAttemptAt == item.NextAttemptAt)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, leased), cancellationToken);
            if (claimed == 1 && await SendAsync(db, item.Id, now, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(ComptoirDbContext db, long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mail = await db.StaffMails.SingleAsync(m => m.Id == id, cancellationToken);
        mail.Attempts++;
        try
        {
            var server = smtp.Value;
            if (string.IsNullOrWhiteSpace(server.Host))
            {
                throw new InvalidOperationException("Outbound:Smtp:Host is not set: staff e-mails wait until an SMTP server is configured.");
            }

            var message = new MimeMessage { Subject = mail.Subject, Date = now };
            message.From.Add(new MailboxAddress(outbound.Value.DefaultFromName, outbound.Value.DefaultFromAddress));
            message.To.Add(MailboxAddress.Parse(mail.To));
            message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(outbound.Value.MessageIdDomain);
            message.Headers.Add("Auto-Submitted", "auto-generated");
            var body = new TextPart(MimeKit.Text.TextFormat.Plain);
            body.SetText(Encoding.UTF8, mail.Body);
            message.Body = body;

            using var client = new SmtpClient { Timeout = email.Value.TimeoutSeconds * 1000 };
            await client.ConnectAsync(server.Host, server.Port, MailConnections.Of(server.Security), cancellationToken);
            if (!string.IsNullOrEmpty(server.User))
            {
                await client.AuthenticateAsync(server.User, server.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            mail.Status = StaffMailStatus.Sent;
            mail.SentAt = now;
            mail.Error = null;
            mail.NextAttemptAt = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            mail.Error = e.Message.Length <= 500 ? e.Message : e.Message[..500];
            var failed = mail.Attempts >= outbound.Value.MaxDeliveryAttempts;
            mail.Status = failed ? StaffMailStatus.Failed : StaffMailStatus.Pending;
            mail.NextAttemptAt = failed ? null : now + Backoff[Math.Min(mail.Attempts - 1, Backoff.Length - 1)];
            LogSendFailed(logger, mail.Id, mail.Attempts, e.Message);
        }

        await db.SaveChangesAsync(cancellationToken);
        return mail.Status == StaffMailStatus.Sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send staff mail {MailId} (attempt {Attempt}): {Error}")]
    private static partial void LogSendFailed(ILogger logger, long mailId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The staff mail loop failed; it will try again")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
