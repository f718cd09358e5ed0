using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Comptoir.Features.Channels;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comptoir.Tests.Infrastructure;

/// <summary>Helpers to bring contacts in as channels do, and to look at what they became.</summary>
public static class Contacts
{
    /// <summary>Closes whatever waits in a queue (all queues when null), so that a test knows exactly what it holds.</summary>
    public static Task<int> DrainAsync(this ComptoirHost host, string? queue) =>
        host.QueryAsync(c => c.Conversations
            .Where(x => (queue == null || c.Queues.Any(q => q.Id == x.QueueId && q.Code == queue)) && x.Status != ConversationStatus.Closed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ConversationStatus.Closed)));

    public const string WebhookSecret = "test-webhook-secret";

    /// <summary>A unique e-mail address for a test's customer, so that tests sharing a host never meet.</summary>
    public static string NewEmail(string who = "client") => $"{who}.{Guid.NewGuid():N}@example.test";

    /// <summary>A unique French mobile number in the range reserved for fiction.</summary>
    public static string NewMobile() => "+33639" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Task<int> ActivityAsync(this ComptoirHost host, string code) =>
        host.QueryAsync(db => db.Activities.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    public static Task<int> StoreAsync(this ComptoirHost host, string code) =>
        host.QueryAsync(db => db.Stores.Where(s => s.Code == code).Select(s => s.Id).SingleAsync());

    public static Task<int> StaffAsync(this ComptoirHost host, string mailbox) =>
        host.QueryAsync(db => db.Staff.Where(m => m.Email == StaffSession.Demo(mailbox)).Select(m => m.Id).SingleAsync());

    public static Task<int> QueueAsync(this ComptoirHost host, string code) =>
        host.QueryAsync(db => db.Queues.Where(q => q.Code == code).Select(q => q.Id).SingleAsync());

    public static Task<IngestResult> IngestAsync(this ComptoirHost host, InboundContact contact) =>
        host.Services.GetRequiredService<ContactIntake>().SubmitAsync(contact, TestContext.Current.CancellationToken);

    /// <summary>An e-mail-like contact from <paramref name="email"/> about an activity.</summary>
    public static async Task<IngestResult> EmailAsync(this ComptoirHost host, string email, string activity, string body = "Bonjour, ma commande n'est pas arrivée, pouvez-vous m'aider ?", string? externalId = null, string? inReplyTo = null, int? storeId = null)
    {
        return await host.IngestAsync(new InboundContact
        {
            Channel = Channel.Email,
            ExternalId = externalId ?? $"<{Guid.NewGuid():N}@example.test>",
            At = DateTimeOffset.UtcNow,
            ActivityId = await host.ActivityAsync(activity),
            StoreId = storeId,
            Subject = "Ma commande",
            Body = body,
            From = email,
            ReplyTo = email,
            InReplyTo = inReplyTo,
            References = inReplyTo is null ? [] : [inReplyTo],
            Identities = [(IdentityKind.Email, email)],
            // As an e-mail read over IMAP: the From is weakly proven.
            Proven = (IdentityKind.Email, email, IdentityProof.Weak),
        });
    }

    public static Task<Conversation> ConversationAsync(this ComptoirHost host, long id) =>
        host.QueryAsync(db => db.Conversations.AsNoTracking().Include(c => c.Messages).SingleAsync(c => c.Id == id));

    /// <summary>Posts a body to a webhook signed as the channel's operator would.</summary>
    public static Task<HttpResponseMessage> PostSignedAsync(this HttpClient client, string path, object payload, string secret = WebhookSecret, DateTimeOffset? at = null)
    {
        var body = payload as byte[] ?? Encoding.UTF8.GetBytes(payload as string ?? JsonSerializer.Serialize(payload));
        var seconds = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add(ChannelSignature.SignatureHeader, ChannelSignature.Sign(secret, seconds, body));
        request.Headers.Add(ChannelSignature.TimestampHeader, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return client.SendAsync(request);
    }
}
