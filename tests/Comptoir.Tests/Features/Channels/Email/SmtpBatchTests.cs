using Comptoir.Features.Channels.Email;
using Comptoir.Features.Conversations;
using Comptoir.Features.Staff.Mail;
using Comptoir.Tests.Infrastructure;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Comptoir.Tests.Features.Channels.Email;

/// <summary>Batches of e-mail go over one SMTP connection, and one refused message loses none of the others.</summary>
public sealed class SmtpBatchTests(Hosts hosts)
{
    [Fact]
    public async Task A_batch_goes_over_one_connection_and_a_refused_recipient_leaves_it_open_for_the_others()
    {
        var mail = MailServer.Require();
        var server = new SmtpServer(mail.SmtpHost, mail.SmtpPort, MailSecurity.None, MailServer.NewAddress("comptoir", "comptoir.test"), mail.Password);
        var first = MailServer.NewAddress("alice", "example.test");
        var refused = $"refuse/{Guid.NewGuid():N}@example.test";
        var last = MailServer.NewAddress("bruno", "example.test");

        await using var session = new SmtpSession(30_000);
        await session.SendAsync(server, Note(first), TestContext.Current.CancellationToken);
        var refusal = await Assert.ThrowsAsync<SmtpCommandException>(() => session.SendAsync(server, Note(refused), TestContext.Current.CancellationToken));
        await session.SendAsync(server, Note(last), TestContext.Current.CancellationToken);

        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, refusal.ErrorCode);
        Assert.Equal(1, session.ConnectionsOpened);
        Assert.Single(await mail.InboxAsync(first));
        Assert.Single(await mail.InboxAsync(last));
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_tried_once_per_batch()
    {
        var server = new SmtpServer("127.0.0.1", 9, MailSecurity.None, null, null);

        await using var session = new SmtpSession(5_000);
        await Assert.ThrowsAsync<SmtpUnreachableException>(() => session.SendAsync(server, Note("a@example.test"), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<SmtpUnreachableException>(() => session.SendAsync(server, Note("b@example.test"), TestContext.Current.CancellationToken));

        Assert.Equal(1, session.ConnectionsOpened);
    }

    [Fact]
    public async Task A_connection_the_server_closed_after_a_message_is_opened_again_for_the_next_one()
    {
        var mail = MailServer.Require();
        var server = new SmtpServer(mail.SmtpHost, mail.SmtpPort, MailSecurity.None, null, null);
        var first = MailServer.NewAddress("hangup.gaelle", "example.test");
        var second = MailServer.NewAddress("hugo", "example.test");

        await using var session = new SmtpSession(30_000);
        await session.SendAsync(server, Note(first), TestContext.Current.CancellationToken);
        await session.SendAsync(server, Note(second), TestContext.Current.CancellationToken);

        Assert.Equal(2, session.ConnectionsOpened);
        Assert.Single(await mail.InboxAsync(first));
        Assert.Single(await mail.InboxAsync(second));
    }

    [Fact]
    public async Task A_connection_lost_after_the_message_was_handed_over_is_not_sent_again_in_the_batch()
    {
        var mail = MailServer.Require();
        var server = new SmtpServer(mail.SmtpHost, mail.SmtpPort, MailSecurity.None, null, null);
        var warmUp = MailServer.NewAddress("ines", "example.test");
        var lost = MailServer.NewAddress("lost.jules", "example.test");
        var next = MailServer.NewAddress("karim", "example.test");

        await using var session = new SmtpSession(30_000);
        await session.SendAsync(server, Note(warmUp), TestContext.Current.CancellationToken);
        var failure = await Assert.ThrowsAsync<SmtpDeliveryUncertainException>(() => session.SendAsync(server, Note(lost), TestContext.Current.CancellationToken));
        await session.SendAsync(server, Note(next), TestContext.Current.CancellationToken);

        Assert.Contains("may have been delivered", failure.Message, StringComparison.Ordinal);
        Assert.Single(await mail.InboxAsync(lost));
        Assert.Single(await mail.InboxAsync(next));
        Assert.Equal(2, session.ConnectionsOpened);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_outbox_batch_with_one_refused_address_delivers_the_others(Db db)
    {
        using var desk = await EmailDesk.OpenAsync(await hosts.GetAsync(db));
        var customers = new[] { MailServer.NewAddress("chloe", "example.test"), $"refuse/{Guid.NewGuid():N}@example.test", MailServer.NewAddress("denis", "example.test") };
        var letters = customers.Select(c => desk.Letter(c, "Livraison", "Bonjour, où en est ma commande ?")).ToList();
        foreach (var letter in letters)
        {
            await desk.ReceiveAsync(letter);
        }

        await desk.PollAsync();
        await desk.DeliverAsync();

        var acknowledgements = new List<Message>();
        foreach (var letter in letters)
        {
            acknowledgements.Add(Assert.Single((await desk.ConversationOfAsync(letter.MessageId)).Messages, m => m.Direction == MessageDirection.Outbound));
        }

        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Failed, DeliveryStatus.Sent], acknowledgements.Select(a => a.Delivery));
        Assert.Contains("550", acknowledgements[1].DeliveryError, StringComparison.Ordinal);
        Assert.Single(await desk.Mail.InboxAsync(customers[0]));
        Assert.Single(await desk.Mail.InboxAsync(customers[2]));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Staff_mail_goes_in_one_batch_and_a_refused_one_stays_pending_for_the_next(Db db)
    {
        var mail = MailServer.Require();
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = new ComptoirHost(database, new Dictionary<string, string?>
        {
            ["Outbound:Smtp:Host"] = mail.SmtpHost,
            ["Outbound:Smtp:Port"] = mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Outbound:Smtp:Security"] = "None",
            ["Outbound:Smtp:User"] = MailServer.NewAddress("comptoir", "comptoir.test"),
            ["Outbound:Smtp:Password"] = mail.Password,
        });
        host.StartServer();
        var recipients = new[] { MailServer.NewAddress("eva", "comptoir.test"), $"refuse/{Guid.NewGuid():N}@comptoir.test", MailServer.NewAddress("farid", "comptoir.test") };
        await host.QueryAsync(async c =>
        {
            c.StaffMails.AddRange(recipients.Select(to => new StaffMail { To = to, Subject = "Top 5 du jour", Body = "Les irritants du jour.", CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow.AddMinutes(-1) }));
            return await c.SaveChangesAsync();
        });

        var sent = await host.Services.GetRequiredService<SendStaffMail>().RunOnceAsync(TestContext.Current.CancellationToken);
        var mails = await host.QueryAsync(c => c.StaffMails.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

        Assert.Equal(2, sent);
        Assert.Equal([StaffMailStatus.Sent, StaffMailStatus.Pending, StaffMailStatus.Sent], mails.Select(m => m.Status));
        Assert.NotNull(mails[1].NextAttemptAt);
        Assert.Contains("Bad recipient", mails[1].Error, StringComparison.Ordinal);
        Assert.Single(await mail.InboxAsync(recipients[0]));
        Assert.Single(await mail.InboxAsync(recipients[2]));
    }

    private static MimeMessage Note(string to)
    {
        var message = new MimeMessage { Subject = "Essai", Body = new TextPart("plain") { Text = "Bonjour." } };
        message.From.Add(new MailboxAddress("Comptoir", "comptoir@comptoir.test"));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }
}
