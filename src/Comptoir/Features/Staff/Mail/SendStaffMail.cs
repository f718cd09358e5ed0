using System.Text;
using Comptoir.Features.Channels.Email;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Platform.Data;
using Comptoir.Platform.Outbox;
using Comptoir.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Comptoir.Features.Staff.Mail;

/// <summary>
/// The staff mail outbox: sends pending <see cref="StaffMail"/> over SMTP through the server of
/// <c>Outbound:Smtp</c>, from <see cref="OutboundOptions.DefaultFromAddress"/>, a batch over one connection
/// (<see cref="SmtpSession"/>), each claimed by one instance at a time and retried with growing delays until it
/// goes or fails for good; one refused mail leaves the others of its batch going.
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

        // One connection for the whole batch; each mail's failure is its own.
        await using var session = new SmtpSession(email.Value.TimeoutSeconds * 1000);
        var sent = 0;
        foreach (var item in due)
        {
            // Claim: only the instance that moves the attempt time forward sends it.
            var leased = now + RetrySchedule.Lease;
            var claimed = await db.StaffMails
                .Where(m => m.Id == item.Id && m.Status == StaffMailStatus.Pending && m.NextAttemptAt == item.NextAttemptAt)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, leased), cancellationToken);
            if (claimed == 1 && await SendAsync(db, session, item.Id, now, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(ComptoirDbContext db, SmtpSession session, long id, DateTimeOffset now, CancellationToken cancellationToken)
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

            await session.SendAsync(new SmtpServer(server.Host, server.Port, server.Security, server.User, server.Password), message, cancellationToken);
            mail.Status = StaffMailStatus.Sent;
            mail.SentAt = now;
            mail.Error = null;
            mail.NextAttemptAt = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            mail.Error = RetrySchedule.Truncate(e.Message);
            mail.NextAttemptAt = RetrySchedule.NextAttempt(mail.Attempts, outbound.Value.MaxDeliveryAttempts, permanent: false, now);
            mail.Status = mail.NextAttemptAt is null ? StaffMailStatus.Failed : StaffMailStatus.Pending;
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
