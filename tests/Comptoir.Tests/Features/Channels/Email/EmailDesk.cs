using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comptoir.Features.Channels.Email;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Delivery;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Comptoir.Tests.Features.Channels.Email;

/// <summary>
/// A customer-service mailbox of its own on the test Dovecot, added to a host through the administration
/// API, with what a test needs around it: customers writing to it, reading it, sending the outbox, and the
/// customer's own mailbox to read the answers from.
/// </summary>
public sealed class EmailDesk : IDisposable
{
    private readonly HttpClient _admin;

    private EmailDesk(ComptoirHost host, MailServer mail, HttpClient admin, int mailboxId, string address)
    {
        Host = host;
        Mail = mail;
        _admin = admin;
        MailboxId = mailboxId;
        Address = address;
    }

    public ComptoirHost Host { get; }

    public MailServer Mail { get; }

    public int MailboxId { get; }

    /// <summary>The service address customers write to, e.g. <c>service.3f2a…@comptoir.test</c>.</summary>
    public string Address { get; }

    public HttpClient Admin => _admin;

    public static async Task<EmailDesk> OpenAsync(ComptoirHost host, string? imapPassword = null)
    {
        var mail = MailServer.Require();
        var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var activity = await host.QueryAsync(db => db.Activities.Where(a => a.Code == "ECOMMERCE").Select(a => a.Id).SingleAsync());
        var address = MailServer.NewAddress("service", "comptoir.test");
        var response = await admin.PostAsJsonAsync("/api/mailboxes", new
        {
            address,
            displayName = "Service client e-commerce",
            activityId = activity,
            imapHost = mail.ImapHost,
            imapPort = mail.ImapPort,
            imapSecurity = "None",
            imapUser = address,
            imapPassword = imapPassword ?? mail.Password,
            smtpHost = mail.SmtpHost,
            smtpPort = mail.SmtpPort,
            smtpSecurity = "None",
            smtpUser = address,
            smtpPassword = mail.Password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        return new EmailDesk(host, mail, admin, id, address);
    }

    /// <summary>A plain French message from a customer, with a Message-ID of its own.</summary>
    public MimeMessage Letter(string from, string subject, string body, string? name = "Marie Dupont")
    {
        var message = new MimeMessage
        {
            Subject = subject,
            MessageId = $"{Guid.NewGuid():N}@example.test",
            Date = DateTimeOffset.UtcNow,
            Body = new TextPart("plain") { Text = body },
        };
        message.From.Add(new MailboxAddress(name, from));
        message.To.Add(new MailboxAddress("Service client", Address));
        return message;
    }

    public Task ReceiveAsync(MimeMessage message) => Mail.AppendAsync(Address, message);

    public Task ReceiveAsync(byte[] raw) => Mail.AppendAsync(Address, raw);

    /// <summary>One reading of every enabled mailbox of the host, as the background job does it.</summary>
    public Task PollAsync() => Host.Services.GetRequiredService<PollMailboxes>().RunOnceAsync(CancellationToken.None);

    /// <summary>
    /// Sends what the outbox holds for this mailbox's conversations, and waits until each message is sent
    /// or failed (the host's own outbox loop may be sending it at the same moment).
    /// </summary>
    public async Task DeliverAsync()
    {
        var outbox = Host.Services.GetRequiredService<DeliverOutboundMessages>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await outbox.RunOnceAsync(CancellationToken.None);
            var pending = await Host.QueryAsync(db => db.Messages
                .Where(m => m.Delivery == DeliveryStatus.Pending && db.Conversations.Any(c => c.Id == m.ConversationId && c.MailboxId == MailboxId))
                .Select(m => new { m.Id, m.DeliveryError })
                .ToListAsync());
            if (pending.Count == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "Still not sent: " + string.Join("; ", pending.Select(p => $"{p.Id} {p.DeliveryError}")));
            await Task.Delay(100);
        }
    }

    /// <summary>The conversation holding the message with this Message-ID (as MimeKit gives it, without brackets).</summary>
    public Task<Conversation> ConversationOfAsync(string? messageId)
    {
        Assert.NotNull(messageId);
        var externalId = $"<{messageId}>";
        return Host.QueryAsync(db => db.Conversations.AsNoTracking()
            .Include(c => c.Messages).ThenInclude(m => m.Attachments)
            .Include(c => c.Customer)
            .SingleAsync(c => c.Messages.Any(m => m.ExternalId == externalId)));
    }

    public void Dispose() => _admin.Dispose();
}
