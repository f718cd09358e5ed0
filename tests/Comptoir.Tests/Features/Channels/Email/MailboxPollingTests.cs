using System.Diagnostics;
using System.Globalization;
using Comptoir.Features.Channels.Email;
using Comptoir.Features.Conversations;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Comptoir.Tests.Features.Channels.Email;

public sealed class MailboxPollingTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_full_inbox_is_read_in_batches_and_every_message_is_stored_once(Db db)
    {
        // A host of its own: the outbox then sends the acknowledgements of these hundreds of customers
        // without delaying the other tests' mail.
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = new ComptoirHost(database);
        using var desk = await EmailDesk.OpenAsync(host);
        var batch = host.Services.GetRequiredService<IOptions<EmailOptions>>().Value.FetchBatch;
        // Three batches by default; COMPTOIR_TEST_EMAIL_MESSAGES=2000 makes it a rough measure of throughput.
        var count = int.TryParse(Environment.GetEnvironmentVariable("COMPTOIR_TEST_EMAIL_MESSAGES"), CultureInfo.InvariantCulture, out var asked)
            ? asked
            : (2 * batch) + 17;
        var letters = Enumerable.Range(0, count)
            .Select(i => desk.Letter(MailServer.NewAddress($"client{i}", "example.test"), $"Question {i}", $"Bonjour, ma commande {1000 + i} est en retard."))
            .ToList();
        await desk.Mail.AppendAsync(desk.Address, letters.Select(Bytes));

        var clock = Stopwatch.StartNew();
        await desk.PollAsync();
        clock.Stop();

        var ids = letters.Select(l => $"<{l.MessageId}>").ToList();
        Assert.Equal(count, await host.QueryAsync(c => c.Messages.CountAsync(m => m.Channel == Channel.Email && ids.Contains(m.ExternalId!))));
        Assert.Equal(count, await host.QueryAsync(c => c.Conversations.CountAsync(v => v.MailboxId == desk.MailboxId)));
        Assert.All(await desk.Mail.SeenAsync(desk.Address), Assert.True);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"E-mail reading on {db}: {count} messages fetched, parsed, stored and flagged in {clock.Elapsed.TotalSeconds:0.00} s ({count / clock.Elapsed.TotalSeconds:0} messages/s)."));
    }

    [Fact]
    public async Task Mailboxes_are_read_in_the_background_every_poll_interval()
    {
        await using var database = await TestDatabase.CreateAsync(Db.Sqlite);
        await using var host = new ComptoirHost(database, new Dictionary<string, string?> { ["Email:PollSeconds"] = "1", ["Jobs:Enabled"] = "true" });
        using var desk = await EmailDesk.OpenAsync(host);
        var letter = desk.Letter(MailServer.NewAddress("nora", "example.test"), "Horaires", "Bonjour, êtes-vous ouverts le 1er mai ?");

        await desk.ReceiveAsync(letter);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await host.QueryAsync(c => c.Messages.AnyAsync(m => m.ExternalId == "<" + letter.MessageId + ">")) is false)
        {
            Assert.True(DateTime.UtcNow < deadline, "The message was not read in the background within 20 seconds.");
            await Task.Delay(200);
        }

        // The reading is recorded once the whole mailbox is read, a moment after the message is stored.
        while (await host.QueryAsync(c => c.Mailboxes.Where(m => m.Id == desk.MailboxId).Select(m => m.LastPolledAt).SingleAsync()) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The reading was not recorded on the mailbox within 20 seconds.");
            await Task.Delay(200);
        }
    }

    private static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
