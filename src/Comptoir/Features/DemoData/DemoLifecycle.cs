using Comptoir.Features.Channels.Phone;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.Routing;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.DemoData;

/// <summary>
/// What the service centre did with the demo's contacts: older ones answered and closed (mostly within
/// their deadlines), the last days' partly still open, waiting for the customer or waiting in a queue,
/// as a supervisor would find them on a Monday morning.
/// </summary>
internal sealed class DemoLifecycle(ComptoirDbContext db, RoutingCatalog.Snapshot routing, Dictionary<int, int[]> advisorsBySite, DateTimeOffset now)
{
    private static readonly (string Reason, int Weight)[] Reasons =
        [("Résolu", 40), ("Information donnée", 30), ("Remboursement accordé", 10), ("Geste commercial", 8), ("Traité par le magasin", 7), ("Sans suite", 5)];

    private readonly Dictionary<int, int> _siteOf = advisorsBySite.SelectMany(s => s.Value.Select(a => (a, s.Key))).ToDictionary(x => x.a, x => x.Key);

    public async Task WorkAsync(Random random, (InboundContact Contact, bool Answered)[] chunk, IReadOnlyList<IngestResult> results, CancellationToken cancellationToken)
    {
        var ids = results.Where(r => r.NewConversation).Select(r => r.ConversationId).ToList();
        var conversations = await db.Conversations.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        for (var i = 0; i < chunk.Length; i++)
        {
            var (contact, answered) = chunk[i];
            if (!conversations.TryGetValue(results[i].ConversationId, out var conversation))
            {
                continue;
            }

            if (contact.Channel == Channel.Phone)
            {
                RecordCall(random, contact, conversation, answered);
            }

            if (answered)
            {
                conversation.AssignedSiteId = conversation.AssignedToId is { } who ? _siteOf.GetValueOrDefault(who) : null;
                Close(conversation, conversation.CreatedAt.AddMinutes(2 + random.Next(7)), random.NextDouble() < 0.6 ? "Information donnée" : "Résolu");
            }
            else if (conversation.Owner == ConversationOwner.Store)
            {
                if (now - conversation.CreatedAt > TimeSpan.FromDays(2) && random.NextDouble() < 0.85)
                {
                    Close(conversation, conversation.CreatedAt.AddHours(4 + random.Next(40)), "Traité par le magasin");
                }
            }
            else
            {
                Work(random, conversation);
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private void Work(Random random, Conversation conversation)
    {
        var age = now - conversation.CreatedAt;
        var roll = random.NextDouble();
        var stage = age > TimeSpan.FromDays(3)
            ? (roll < 0.97 ? 3 : roll < 0.985 ? 2 : 1)
            : age > TimeSpan.FromHours(8)
                ? (roll < 0.55 ? 3 : roll < 0.8 ? 2 : roll < 0.92 ? 1 : 0)
                : (roll < 0.2 ? 3 : roll < 0.35 ? 2 : roll < 0.55 ? 1 : 0);
        if (stage == 0)
        {
            return;
        }

        var homes = routing.Queues[conversation.QueueId].HomeSiteIds.Where(advisorsBySite.ContainsKey).ToList();
        if (homes.Count == 0)
        {
            return;
        }

        var site = homes[random.Next(homes.Count)];
        var advisor = advisorsBySite[site][random.Next(advisorsBySite[site].Length)];
        var firstResponse = Before(conversation.CreatedAt.AddMinutes(10 + random.Next(random.NextDouble() < 0.9 ? 300 : 900)));
        conversation.AssignedToId = advisor;
        conversation.AssignedSiteId = site;
        conversation.AssignedAt = Before(conversation.CreatedAt.AddMinutes(5));
        conversation.Status = ConversationStatus.Open;
        if (stage >= 2)
        {
            conversation.FirstResponseAt = firstResponse;
            if (conversation.Channel.CanReply())
            {
                conversation.Messages.Add(new Message
                {
                    Direction = MessageDirection.Outbound,
                    Channel = conversation.Channel.ReplyChannel(),
                    Body = "Bonjour,\n\nMerci pour votre message. Nous avons fait le nécessaire et restons à votre disposition.\n\nLe service client",
                    At = firstResponse,
                    AuthorId = advisor,
                    Delivery = DeliveryStatus.Sent,
                    DeliveryAttempts = 1,
                });
            }

            conversation.Status = ConversationStatus.WaitingForCustomer;
            conversation.PausedAt = firstResponse;
        }

        if (stage == 3)
        {
            Close(conversation, Before(firstResponse.AddHours(random.Next(1, 30))), Draw(random));
        }

        conversation.LastActivityAt = conversation.ClosedAt ?? conversation.FirstResponseAt ?? conversation.AssignedAt ?? conversation.CreatedAt;
    }

    private static void Close(Conversation conversation, DateTimeOffset at, string reason)
    {
        conversation.Status = ConversationStatus.Closed;
        conversation.ClosedAt = at;
        conversation.CloseReason = reason;
        conversation.PausedAt = null;
        conversation.FirstResponseAt ??= at;
        conversation.LastActivityAt = at;
    }

    private void RecordCall(Random random, InboundContact contact, Conversation conversation, bool answered)
    {
        db.CallRecords.Add(new CallRecord
        {
            ExternalId = contact.ExternalId!,
            CallerNumber = contact.From,
            ActivityId = contact.ActivityId,
            StoreId = contact.StoreId,
            StartedAt = contact.At,
            WaitSeconds = answered ? random.Next(5, 120) : random.Next(60, 420),
            DurationSeconds = answered ? random.Next(60, 600) : 0,
            Outcome = answered ? CallOutcome.Answered : random.NextDouble() < 0.66 ? CallOutcome.Abandoned : CallOutcome.Missed,
            AdvisorId = conversation.AssignedToId,
            ConversationId = conversation.Id,
        });
    }

    private DateTimeOffset Before(DateTimeOffset at) => at < now ? at : now;

    private static string Draw(Random random)
    {
        var pick = random.Next(Reasons.Sum(r => r.Weight));
        foreach (var (reason, weight) in Reasons)
        {
            if ((pick -= weight) < 0)
            {
                return reason;
            }
        }

        return Reasons[0].Reason;
    }
}
