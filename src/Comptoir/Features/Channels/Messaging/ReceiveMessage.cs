using System.Text.Json;
using System.Text.Json.Serialization;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.Customers;
using Comptoir.Features.Routing;
using Comptoir.Platform.Data;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Channels.Messaging;

/// <summary>
/// Inbound SMS and social-network messages pushed by the operator: <c>POST /api/channels/sms</c> and
/// <c>/api/channels/social</c> (format in docs/channels.md). Answered 200 once stored, 202 when kept in
/// quarantine because unreadable, 401 when the signature is wrong.
/// </summary>
public static class ReceiveMessage
{
    public sealed record Payload(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("from")] string? From,
        [property: JsonPropertyName("to")] string? To,
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("receivedAt")] DateTimeOffset? ReceivedAt,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("network")] string? Network,
        [property: JsonPropertyName("threadId")] string? ThreadId,
        [property: JsonPropertyName("activity")] string? Activity,
        [property: JsonPropertyName("store")] string? Store,
        [property: JsonPropertyName("language")] string? Language);

    public sealed record Accepted(long ConversationId, long MessageId, bool Duplicate);

    public static Task<IResult> SmsAsync(HttpRequest request, ComptoirDbContext db, ContactIntake intake, RoutingCatalog catalog, IOptions<ChannelOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        HandleAsync(Channel.Sms, options.Value.Sms, request, db, intake, catalog, options.Value, time, cancellationToken);

    public static Task<IResult> SocialAsync(HttpRequest request, ComptoirDbContext db, ContactIntake intake, RoutingCatalog catalog, IOptions<ChannelOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        HandleAsync(Channel.Social, options.Value.Social, request, db, intake, catalog, options.Value, time, cancellationToken);

    private static async Task<IResult> HandleAsync(
        Channel channel, ChannelOptions.WebhookChannel settings, HttpRequest request, ComptoirDbContext db, ContactIntake intake, RoutingCatalog catalog,
        ChannelOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var read = await WebhookRequest.ReadAsync(request, settings, options.MaxBodyBytes, time, cancellationToken);
        if (read.Refusal is not null)
        {
            return read.Refusal;
        }

        var body = read.Body!;
        var source = channel == Channel.Sms ? "sms-webhook" : "social-webhook";
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(body);
        }
        catch (JsonException e)
        {
            return await WebhookRequest.QuarantineAsync(db, channel, source, null, body, $"Invalid JSON: {e.Message}", time, cancellationToken);
        }

        var routing = await catalog.GetAsync(cancellationToken);
        var problem = Validate(channel, payload, routing, settings, out var activityId, out var storeId);
        if (problem is not null)
        {
            return await WebhookRequest.QuarantineAsync(db, channel, source, payload?.Id, body, problem, time, cancellationToken);
        }

        var contact = ToContact(channel, payload!, activityId, storeId, time);
        if (StorableContact.Problem(db.Model, contact) is { } unstorable)
        {
            return await WebhookRequest.QuarantineAsync(db, channel, source, payload!.Id, body, unstorable, time, cancellationToken);
        }

        var result = await intake.SubmitAsync(contact, cancellationToken);
        return TypedResults.Ok(new Accepted(result.ConversationId, result.MessageId, result.Duplicate));
    }

    /// <summary>The contact a valid payload stands for (also used by the ingestion benchmark, which starts from the same bytes).</summary>
    internal static InboundContact ToContact(Channel channel, Payload payload, int activityId, int? storeId, TimeProvider time)
    {
        var source = channel == Channel.Sms ? "sms-webhook" : "social-webhook";
        var identity = channel == Channel.Sms
            ? (IdentityKind.Phone, payload.From!)
            : (IdentityKind.SocialHandle, $"{payload.Network!.Trim().ToLowerInvariant()}:{payload.From!.Trim()}");
        return new InboundContact
        {
            Channel = channel,
            ExternalId = $"{source}:{payload.Id}",
            At = payload.ReceivedAt ?? time.GetUtcNow(),
            ActivityId = activityId,
            StoreId = storeId,
            Body = payload.Text!.Trim(),
            Language = payload.Language,
            From = channel == Channel.Sms ? payload.From : identity.Item2,
            To = payload.To,
            CustomerName = payload.Name,
            ReplyTo = channel == Channel.Sms ? payload.From : identity.Item2,
            ThreadKey = payload.ThreadId is { Length: > 0 } thread ? $"{payload.Network}:{thread}" : null,
            Identities = [identity],
            // The operator (SMS) or the network (social) signs the webhook and names the sender.
            Proven = (identity.Item1, identity.Item2, IdentityProof.Verified),
        };
    }

    internal static string? Validate(Channel channel, Payload? payload, RoutingCatalog.Snapshot routing, ChannelOptions.WebhookChannel settings, out int activityId, out int? storeId)
    {
        activityId = 0;
        storeId = null;
        if (payload is null)
        {
            return "The body is JSON null.";
        }

        if (string.IsNullOrWhiteSpace(payload.Id))
        {
            return "\"id\" is missing: the operator's message id is what recognises a message delivered twice.";
        }

        if (string.IsNullOrWhiteSpace(payload.From))
        {
            return "\"from\" is missing: without a sender the customer cannot be answered.";
        }

        if (string.IsNullOrWhiteSpace(payload.Text))
        {
            return "\"text\" is missing or empty.";
        }

        if (channel == Channel.Social && string.IsNullOrWhiteSpace(payload.Network))
        {
            return "\"network\" is missing: say which social network the message comes from.";
        }

        if (!routing.ActivityByCode.TryGetValue(payload.Activity ?? settings.DefaultActivity, out activityId))
        {
            return $"Unknown activity \"{payload.Activity ?? settings.DefaultActivity}\".";
        }

        if (payload.Store is { Length: > 0 } code)
        {
            if (!routing.StoreByCode.TryGetValue(code, out var store))
            {
                return $"Unknown store \"{code}\".";
            }

            storeId = store;
        }

        return null;
    }
}
