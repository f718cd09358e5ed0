using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comptoir.Features.Channels;
using Comptoir.Features.Channels.Phone;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Delivery;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comptoir.Tests.Features.Channels;

public sealed class WebhookTests(Hosts hosts)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_signed_SMS_becomes_a_conversation_and_the_reply_leaves_through_the_SMS_sender(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var mobile = Contacts.NewMobile();
        var national = "0" + mobile[3..];

        var response = await client.PostSignedAsync("/api/channels/sms", new { id = Guid.NewGuid().ToString(), from = national, to = "36000", text = "Bonjour, ma commande drive n'est pas prête à l'heure prévue.", activity = "ECOMMERCE" });
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("conversationId").GetInt64();
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));
        var reply = await advisor.PostAsJsonAsync($"/api/conversations/{id}/replies", new { body = "Votre commande est prête, veuillez nous excuser.", waitForCustomer = true });
        await host.Services.GetRequiredService<DeliverOutboundMessages>().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = await host.ConversationAsync(id);
        Assert.Equal(Channel.Sms, conversation.Channel);
        Assert.Equal(HttpStatusCode.NoContent, reply.StatusCode);
        var sent = host.Services.GetRequiredService<LoopbackMessagingSender>().Sent.Last(m => m.ConversationId == id);
        Assert.Equal(Channel.Sms, sent.Channel);
        Assert.Equal(national, sent.To);
        var outbound = (await host.ConversationAsync(id)).Messages.Single(m => m.Direction == MessageDirection.Outbound && !m.IsAutomatic);
        Assert.Equal(DeliveryStatus.Sent, outbound.Delivery);
        var identity = await host.QueryAsync(c => c.CustomerIdentities.Where(i => i.CustomerId == conversation.CustomerId).Select(i => i.Value).SingleAsync());
        Assert.Equal(mobile, identity);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_SMS_delivered_twice_is_stored_once_and_a_follow_up_continues_the_conversation(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var mobile = Contacts.NewMobile();
        var message = new { id = Guid.NewGuid().ToString(), from = mobile, text = "Mon colis est marqué livré mais je n'ai rien reçu." };

        var first = await (await client.PostSignedAsync("/api/channels/sms", message)).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await client.PostSignedAsync("/api/channels/sms", message)).Content.ReadFromJsonAsync<JsonElement>();
        var followUp = await (await client.PostSignedAsync("/api/channels/sms", new { id = Guid.NewGuid().ToString(), from = mobile, text = "Toujours rien ce matin." })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal(first.GetProperty("messageId").GetInt64(), again.GetProperty("messageId").GetInt64());
        Assert.Equal(first.GetProperty("conversationId").GetInt64(), followUp.GetProperty("conversationId").GetInt64());
        Assert.Equal(2, (await host.ConversationAsync(first.GetProperty("conversationId").GetInt64())).Messages.Count(m => m.Direction == MessageDirection.Inbound));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_wrong_signature_or_an_old_timestamp_is_refused_and_nothing_is_stored(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var mobile = Contacts.NewMobile();

        var forged = await client.PostSignedAsync("/api/channels/sms", new { id = "x1", from = mobile, text = "Bonjour" }, secret: "not-the-secret");
        var replayed = await client.PostSignedAsync("/api/channels/sms", new { id = "x2", from = mobile, text = "Bonjour" }, at: DateTimeOffset.UtcNow.AddMinutes(-20));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Contains("secret", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await host.QueryAsync(c => c.CustomerIdentities.CountAsync(i => i.Value == mobile)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_timestamp_past_the_year_9999_is_refused_as_too_far_not_answered_500(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var body = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = Guid.NewGuid().ToString(), from = Contacts.NewMobile(), text = "Bonjour" }));

        var statuses = new List<HttpStatusCode>();
        foreach (var seconds in new[] { 253402300800L, long.MaxValue })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/channels/sms") { Content = new ByteArrayContent(body) };
            request.Headers.Add(ChannelSignature.SignatureHeader, ChannelSignature.Sign(Contacts.WebhookSecret, seconds, body));
            request.Headers.Add(ChannelSignature.TimestampHeader, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_authentic_but_unreadable_message_is_kept_raw_and_flagged(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var marker = Guid.NewGuid().ToString("N");

        var broken = await client.PostSignedAsync("/api/channels/social", "{\"id\": \"" + marker + "\", \"from\": ");
        var incomplete = await client.PostSignedAsync("/api/channels/social", new { id = marker + "b", from = "marie.d", text = "Bonjour" });

        Assert.Equal(HttpStatusCode.Accepted, broken.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, incomplete.StatusCode);
        var kept = await host.QueryAsync(c => c.RawInbound.Where(r => r.Channel == Channel.Social && (r.ExternalId == marker + "b" || r.ExternalId == null)).ToListAsync());
        Assert.Contains(kept, r => System.Text.Encoding.UTF8.GetString(r.Payload).Contains(marker, StringComparison.Ordinal) && r.Reason.StartsWith("Invalid JSON", StringComparison.Ordinal));
        Assert.Contains(kept, r => r.ExternalId == marker + "b" && r.Reason.Contains("network", StringComparison.Ordinal) && r.Status == RawInboundStatus.Flagged);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_field_longer_than_its_column_or_holding_a_NUL_is_quarantined_with_the_reason_and_nothing_else_is_stored(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var marker = Guid.NewGuid().ToString("N");
        var deliveries = new List<(string Path, string Mobile, string Field, object Body)>();
        void Sms(string field, Func<string, string, object> body)
        {
            var mobile = Contacts.NewMobile();
            deliveries.Add(("/api/channels/sms", mobile, field, body(mobile, marker + deliveries.Count)));
        }

        Sms("id", (m, k) => new { id = k + new string('9', 400), from = m, text = "Bonjour" });
        Sms("name", (m, k) => new { id = k, from = m, text = "Bonjour", name = new string('N', 5_000) });
        Sms("language", (m, k) => new { id = k, from = m, text = "Bonjour", language = new string('f', 50) });
        Sms("to", (m, k) => new { id = k, from = m, text = "Bonjour", to = new string('3', 1_000) });
        Sms("text", (m, k) => new { id = k, from = m, text = "Bon\0jour" });
        Sms("id", (m, k) => new { id = k + "\0", from = m, text = "Bonjour" });
        Sms("name", (m, k) => new { id = k, from = m, text = "Bonjour", name = "Marie\0" });
        var handle = "h" + marker + new string('x', 1_000);
        deliveries.Add(("/api/channels/social", handle, "from", new { id = marker + "s", from = handle, network = "facebook", text = "Bonjour" }));
        var caller = Contacts.NewMobile();
        deliveries.Add(("/api/channels/phone/calls", caller, "callId", new { callId = marker + new string('c', 400), caller, outcome = "missed" }));
        deliveries.Add(("/api/channels/phone/calls", caller, "caller", new { callId = marker + "p1", caller = caller + new string('1', 1_000), outcome = "missed" }));
        deliveries.Add(("/api/channels/phone/calls", caller, "advisor", new { callId = marker + "p2", caller, outcome = "answered", advisor = "x\0@example.test" }));

        foreach (var (path, who, field, body) in deliveries)
        {
            var response = await client.PostSignedAsync(path, body);
            var answer = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{path} with a bad \"{field}\" answered {(int)response.StatusCode}: {answer}");
            using var json = JsonDocument.Parse(answer);
            Assert.Equal("quarantined", json.RootElement.GetProperty("status").GetString());
            Assert.Contains($"\"{field}\"", json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
            var id = json.RootElement.GetProperty("id").GetInt64();
            var kept = await host.QueryAsync(c => c.RawInbound.SingleAsync(r => r.Id == id));
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body)), kept.Payload);
            Assert.Equal(RawInboundStatus.Flagged, kept.Status);
        }

        var stored = await host.QueryAsync(c => c.Messages.CountAsync(m => m.ExternalId != null && m.ExternalId.Contains(marker)));
        var callRecords = await host.QueryAsync(c => c.CallRecords.CountAsync(r => r.ExternalId.Contains(marker)));
        var mobiles = deliveries.Where(d => d.Path.EndsWith("/sms", StringComparison.Ordinal)).Select(d => d.Mobile).Append(caller).ToList();
        var identities = await host.QueryAsync(c => c.CustomerIdentities.CountAsync(i => mobiles.Contains(i.Value) || i.Value.Contains(marker)));
        Assert.Equal(0, stored);
        Assert.Equal(0, callRecords);
        Assert.Equal(0, identities);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_message_dated_year_1_is_dated_on_arrival_while_a_backlog_of_a_few_days_keeps_its_dates(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var fiveDaysAgo = DateTimeOffset.UtcNow.AddDays(-5);
        var before = DateTimeOffset.UtcNow;

        var ancient = await client.PostSignedAsync("/api/channels/sms", new { id = Guid.NewGuid().ToString(), from = Contacts.NewMobile(), text = "Bonjour, ma carte est refusée.", receivedAt = "0001-01-01T00:00:00Z" });
        var backlog = await client.PostSignedAsync("/api/channels/sms", new { id = Guid.NewGuid().ToString(), from = Contacts.NewMobile(), text = "Bonjour, mon colis est en retard.", receivedAt = fiveDaysAgo });
        var callId = Guid.NewGuid().ToString();
        var call = await client.PostSignedAsync("/api/channels/phone/calls", new { callId, caller = Contacts.NewMobile(), outcome = "missed", startedAt = "0001-01-01T00:00:00Z" });
        var dated = await host.ConversationAsync((await ancient.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetInt64());
        var callStarted = await host.QueryAsync(c => c.CallRecords.Where(r => r.ExternalId == callId).Select(r => r.StartedAt).SingleAsync());
        var replayed = await host.ConversationAsync((await backlog.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetInt64());

        Assert.Equal(HttpStatusCode.OK, ancient.StatusCode);
        Assert.InRange(dated.CreatedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.InRange(dated.Messages.Single(m => m.Direction == MessageDirection.Inbound).At, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.True(dated.FirstResponseDueAt > before, $"First response due {dated.FirstResponseDueAt:O}, already breached on arrival.");
        Assert.Equal(fiveDaysAgo.ToUnixTimeSeconds(), replayed.CreatedAt.ToUnixTimeSeconds());
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        Assert.InRange(callStarted, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_social_message_on_the_same_thread_continues_its_conversation_on_the_social_desk(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var handle = "marie" + Guid.NewGuid().ToString("N")[..8];
        var thread = Guid.NewGuid().ToString("N");

        var first = await (await client.PostSignedAsync("/api/channels/social", new { id = Guid.NewGuid().ToString(), from = handle, network = "facebook", threadId = thread, text = "Votre appli plante depuis la mise à jour iOS." })).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await client.PostSignedAsync("/api/channels/social", new { id = Guid.NewGuid().ToString(), from = handle, network = "facebook", threadId = thread, text = "Et maintenant impossible de payer." })).Content.ReadFromJsonAsync<JsonElement>();

        var conversation = await host.ConversationAsync(first.GetProperty("conversationId").GetInt64());
        Assert.Equal(first.GetProperty("conversationId").GetInt64(), second.GetProperty("conversationId").GetInt64());
        Assert.Equal(await host.QueueAsync("SOCIAL"), conversation.QueueId);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_answered_call_belongs_to_its_advisor_and_a_missed_call_becomes_a_callback(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var caller = Contacts.NewMobile();
        var answeredId = Guid.NewGuid().ToString();

        var answered = await (await client.PostSignedAsync("/api/channels/phone/calls", new
        {
            callId = answeredId,
            caller,
            activity = "SWITCHBOARD",
            store = "H001",
            startedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            waitSeconds = 35,
            durationSeconds = 190,
            outcome = "answered",
            advisor = StaffSession.Demo("conseiller.evry"),
        })).Content.ReadFromJsonAsync<JsonElement>();
        var missed = await (await client.PostSignedAsync("/api/channels/phone/calls", new
        {
            callId = Guid.NewGuid().ToString(),
            caller,
            activity = "SWITCHBOARD",
            waitSeconds = 240,
            durationSeconds = 0,
            outcome = "abandoned",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var withheld = await (await client.PostSignedAsync("/api/channels/phone/calls", new
        {
            callId = Guid.NewGuid().ToString(),
            activity = "FUEL",
            waitSeconds = 30,
            outcome = "missed",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await client.PostSignedAsync("/api/channels/phone/calls", new
        {
            callId = answeredId,
            caller,
            activity = "SWITCHBOARD",
            outcome = "answered",
            advisor = StaffSession.Demo("conseiller.evry"),
        })).Content.ReadFromJsonAsync<JsonElement>();

        var call = await host.ConversationAsync(answered.GetProperty("conversationId").GetInt64());
        var callback = await host.ConversationAsync(missed.GetProperty("conversationId").GetInt64());
        Assert.Equal(await host.StaffAsync("conseiller.evry"), call.AssignedToId);
        Assert.Equal(ConversationStatus.Open, call.Status);
        Assert.NotNull(call.FirstResponseAt);
        Assert.Equal(ConversationKind.Callback, callback.Kind);
        Assert.Equal(ConversationStatus.New, callback.Status);
        Assert.Null(callback.AssignedToId);
        Assert.Equal(call.CustomerId, callback.CustomerId);
        Assert.Equal(JsonValueKind.Null, withheld.GetProperty("conversationId").ValueKind);
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal(1, await host.QueryAsync(c => c.CallRecords.CountAsync(r => r.ExternalId == answeredId)));
        Assert.Equal(CallOutcome.Abandoned, await host.QueryAsync(c => c.CallRecords.Where(r => r.ConversationId == callback.Id).Select(r => r.Outcome).SingleAsync()));
    }

    [Fact]
    public async Task A_channel_without_a_secret_refuses_everything()
    {
        await using var database = await TestDatabase.CreateAsync(Db.Sqlite);
        await using var host = new ComptoirHost(database, new Dictionary<string, string?> { ["Channels:Sms:Secret"] = "" });
        using var client = host.CreateBrowserlessClient();

        var response = await client.PostSignedAsync("/api/channels/sms", new { id = "1", from = "+33639000001", text = "Bonjour" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Channels:<channel>:Secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
