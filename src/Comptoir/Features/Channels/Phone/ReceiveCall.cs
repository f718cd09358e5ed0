using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.Customers;
using Comptoir.Features.Routing;
using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Channels.Phone;

/// <summary>
/// Call records pushed by the telephony system (<c>POST /api/channels/phone/calls</c>, format in
/// docs/channels.md). An answered call becomes a conversation owned by the advisor who took it, for their
/// call notes; a missed or abandoned call becomes a callback task in the activity's queue.
/// </summary>
public static class ReceiveCall
{
    public sealed record Payload(
        [property: JsonPropertyName("callId")] string? CallId,
        [property: JsonPropertyName("caller")] string? Caller,
        [property: JsonPropertyName("activity")] string? Activity,
        [property: JsonPropertyName("store")] string? Store,
        [property: JsonPropertyName("startedAt")] DateTimeOffset? StartedAt,
        [property: JsonPropertyName("waitSeconds")] int? WaitSeconds,
        [property: JsonPropertyName("durationSeconds")] int? DurationSeconds,
        [property: JsonPropertyName("outcome")] string? Outcome,
        [property: JsonPropertyName("advisor")] string? Advisor,
        [property: JsonPropertyName("notes")] string? Notes);

    public sealed record Accepted(long? ConversationId, bool Duplicate, bool Callback);

    public static async Task<IResult> HandleAsync(
        HttpRequest request, ComptoirDbContext db, ContactIntake intake, RoutingCatalog catalog, IOptions<ChannelOptions> options, IOptions<IngestionOptions> ingestion,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var settings = options.Value.Phone;
        var read = await WebhookRequest.ReadAsync(request, settings, options.Value.MaxBodyBytes, time, cancellationToken);
        if (read.Refusal is not null)
        {
            return read.Refusal;
        }

        var body = read.Body!;
        Payload? call;
        try
        {
            call = JsonSerializer.Deserialize<Payload>(body);
        }
        catch (JsonException e)
        {
            return await WebhookRequest.QuarantineAsync(db, Channel.Phone, "telephony", null, body, $"Invalid JSON: {e.Message}", time, cancellationToken);
        }

        var routing = await catalog.GetAsync(cancellationToken);
        var (problem, outcome, activityId, storeId) = Validate(call, routing, settings);

        // Checked before the first query that uses them: PostgreSQL refuses a NUL character even in a parameter.
        problem ??= ColumnLimits.Problem<CallRecord>(db.Model, nameof(CallRecord.ExternalId), "callId", call!.CallId)
                    ?? ColumnLimits.Problem<CallRecord>(db.Model, nameof(CallRecord.CallerNumber), "caller", call.Caller)
                    ?? ColumnLimits.Problem<StaffMember>(db.Model, nameof(StaffMember.NormalizedEmail), "advisor", call.Advisor)
                    ?? ColumnLimits.Problem<Message>(db.Model, nameof(Message.Body), "notes", call.Notes);
        int? advisorId = null;
        int? siteId = null;
        if (problem is null && outcome == CallOutcome.Answered)
        {
            var normalized = call!.Advisor!.Trim().ToUpperInvariant();
            var advisor = await db.Staff.AsNoTracking().Where(m => m.NormalizedEmail == normalized).Select(m => new { m.Id, m.SiteId }).SingleOrDefaultAsync(cancellationToken);
            // The call becomes the advisor's and their site's work: a member of no site would hold a conversation no site sees.
            (advisorId, siteId) = (advisor?.Id, advisor?.SiteId);
            problem = advisor is null ? $"Unknown advisor \"{call!.Advisor}\": an answered call names the staff e-mail of the advisor who took it."
                : siteId is null ? $"\"{call!.Advisor}\" does not work on a service site: an answered call names the staff e-mail of the advisor who took it."
                : null;
        }

        if (problem is not null)
        {
            return await WebhookRequest.QuarantineAsync(db, Channel.Phone, "telephony", call?.CallId, body, problem, time, cancellationToken);
        }

        var existing = await db.CallRecords.AsNoTracking().Where(c => c.ExternalId == call!.CallId).Select(c => new { c.ConversationId }).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return TypedResults.Ok(new Accepted(existing.ConversationId, true, outcome != CallOutcome.Answered));
        }

        // The call record keeps the date its conversation gets: none from year 1 in the statistics.
        var startedAt = ingestion.Value.Plausible(call!.StartedAt ?? time.GetUtcNow(), time.GetUtcNow());
        var callback = outcome != CallOutcome.Answered;
        long? conversationId = null;
        var reachable = !string.IsNullOrWhiteSpace(call.Caller);
        var contact = !callback || reachable
            ? new InboundContact
            {
                Channel = Channel.Phone,
                ExternalId = $"call:{call.CallId}",
                At = startedAt,
                ActivityId = activityId,
                StoreId = storeId,
                Kind = callback ? ConversationKind.Callback : ConversationKind.Contact,
                HandledById = advisorId,
                SiteId = siteId,
                Subject = callback ? $"Rappeler {call.Caller}" : $"Appel de {call.Caller ?? "numéro masqué"}",
                Body = Describe(call, outcome),
                From = call.Caller,
                Identities = reachable ? [(IdentityKind.Phone, call.Caller!)] : [],
                // The caller's number comes from the operator through the signed telephony webhook.
                Proven = reachable ? (IdentityKind.Phone, call.Caller!, IdentityProof.Verified) : null,
            }
            : null;
        if (contact is not null && StorableContact.Problem(db.Model, contact) is { } unstorable)
        {
            return await WebhookRequest.QuarantineAsync(db, Channel.Phone, "telephony", call.CallId, body, unstorable, time, cancellationToken);
        }

        if (contact is not null)
        {
            conversationId = (await intake.SubmitAsync(contact, cancellationToken)).ConversationId;
        }

        db.CallRecords.Add(new CallRecord
        {
            ExternalId = call.CallId!,
            CallerNumber = call.Caller,
            ActivityId = activityId,
            StoreId = storeId,
            StartedAt = startedAt,
            WaitSeconds = call.WaitSeconds ?? 0,
            DurationSeconds = call.DurationSeconds ?? 0,
            Outcome = outcome,
            AdvisorId = advisorId,
            ConversationId = conversationId,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same call pushed twice at once: the other request recorded it.
            return TypedResults.Ok(new Accepted(conversationId, true, callback));
        }

        return TypedResults.Ok(new Accepted(conversationId, false, callback));
    }

    private static string Describe(Payload call, CallOutcome outcome)
    {
        var wait = call.WaitSeconds ?? 0;
        var text = outcome switch
        {
            CallOutcome.Missed => string.Create(CultureInfo.InvariantCulture, $"Appel manqué après {wait} s d'attente. Rappeler le client."),
            CallOutcome.Abandoned => string.Create(CultureInfo.InvariantCulture, $"Appel abandonné par le client après {wait} s d'attente. Rappeler le client."),
            _ => string.Create(CultureInfo.InvariantCulture, $"Appel pris après {wait} s d'attente, durée {(call.DurationSeconds ?? 0) / 60} min {(call.DurationSeconds ?? 0) % 60:00} s."),
        };
        return string.IsNullOrWhiteSpace(call.Notes) ? text : text + "\n\n" + call.Notes.Trim();
    }

    private static (string? Problem, CallOutcome Outcome, int ActivityId, int? StoreId) Validate(Payload? call, RoutingCatalog.Snapshot routing, ChannelOptions.WebhookChannel settings)
    {
        if (call is null || string.IsNullOrWhiteSpace(call.CallId))
        {
            return ("\"callId\" is missing: the telephony system's call id is what recognises a call pushed twice.", default, 0, null);
        }

        if (!Enum.TryParse<CallOutcome>(call.Outcome, ignoreCase: true, out var outcome) || !Enum.IsDefined(outcome))
        {
            return ($"\"outcome\" must be answered, missed or abandoned, not \"{call.Outcome}\".", default, 0, null);
        }

        if (!routing.ActivityByCode.TryGetValue(call.Activity ?? settings.DefaultActivity, out var activityId))
        {
            return ($"Unknown activity \"{call.Activity ?? settings.DefaultActivity}\".", outcome, 0, null);
        }

        int? storeId = null;
        if (call.Store is { Length: > 0 } code)
        {
            if (!routing.StoreByCode.TryGetValue(code, out var store))
            {
                return ($"Unknown store \"{code}\".", outcome, activityId, null);
            }

            storeId = store;
        }

        if (outcome == CallOutcome.Answered && string.IsNullOrWhiteSpace(call.Advisor))
        {
            return ("\"advisor\" is missing: an answered call names the advisor who took it.", outcome, activityId, storeId);
        }

        return (null, outcome, activityId, storeId);
    }
}
