using System.Security.Claims;
using Comptoir.Features.Customers;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Conversations;

/// <summary>A conversation as the advisor's workspace shows it: the thread, the clocks, and the customer beside it.</summary>
public static class GetConversation
{
    public sealed record Response(
        long Id,
        string Subject,
        Channel Channel,
        ConversationKind Kind,
        ConversationOwner Owner,
        ConversationStatus Status,
        string Language,
        string Activity,
        string Queue,
        int QueueId,
        Place? Store,
        string? Department,
        Person? AssignedTo,
        DateTimeOffset CreatedAt,
        DateTimeOffset? FirstResponseAt,
        DateTimeOffset? FirstResponseDueAt,
        DateTimeOffset? ResolutionDueAt,
        DateTimeOffset? PausedAt,
        DateTimeOffset? ClosedAt,
        string? CloseReason,
        string TimeZoneId,
        IReadOnlyList<MessageView> Messages,
        CustomerSummary? Customer,
        CauseView Cause);

    /// <summary>The conversation's cause as predicted or labelled; <see cref="Path"/> is empty when there is none yet.</summary>
    public sealed record CauseView(int? Id, string? Path, Causes.CauseState State, double? Confidence, int? ModelVersion, bool Priority);

    public sealed record Place(int Id, string Name);

    public sealed record Person(int Id, string Name);

    public sealed record MessageView(
        long Id,
        MessageDirection Direction,
        Channel Channel,
        string? From,
        string? To,
        string? Subject,
        string Body,
        string? BodyHtml,
        DateTimeOffset At,
        string? Author,
        bool IsAutomatic,
        DeliveryStatus? Delivery,
        string? DeliveryError,
        IReadOnlyList<AttachmentView> Attachments,
        bool Malformed,
        string? GivenIdentities = null)
    {
        /// <summary>What the customer typed with this contact that its channel did not prove: shown as given, unverified.</summary>
        public IReadOnlyList<IdentityView> Given => GivenIdentityList.Parse(GivenIdentities);
    }

    public sealed record AttachmentView(long Id, string FileName, string ContentType, long Size);

    public sealed record CustomerSummary(long Id, string? Name, bool Recognised, IReadOnlyList<IdentityView> Identities, IReadOnlyList<HistoryEntry> History);

    /// <summary>
    /// One line of the customer's history; <see cref="Visible"/> says whether the reader may open it. A line the
    /// reader may not open tells only that the customer got in touch, when, on which channel and where it stands:
    /// no number, no subject.
    /// </summary>
    public sealed record HistoryEntry(long? Id, Channel Channel, string? Subject, ConversationStatus Status, DateTimeOffset At, bool Visible);

    public static async Task<Results<Ok<Response>, NotFound>> HandleAsync(long id, ClaimsPrincipal user, ComptoirDbContext db, CancellationToken cancellationToken) =>
        await QueryAsync(db, StaffScope.Of(user), id, cancellationToken) is { } conversation ? TypedResults.Ok(conversation) : TypedResults.NotFound();

    public static async Task<Response?> QueryAsync(ComptoirDbContext db, StaffScope scope, long id, CancellationToken cancellationToken)
    {
        var c = await db.Conversations.AsNoTracking()
            .VisibleTo(db, scope)
            .Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id,
                c.Subject,
                c.Channel,
                c.Kind,
                c.Owner,
                c.Status,
                c.Language,
                Activity = db.Activities.Where(a => a.Id == c.ActivityId).Select(a => a.Name).First(),
                Queue = db.Queues.Where(q => q.Id == c.QueueId).Select(q => q.Name).First(),
                c.QueueId,
                Store = db.Stores.Where(s => s.Id == c.StoreId).Select(s => new Place(s.Id, s.Name)).FirstOrDefault(),
                StoreZone = db.Stores.Where(s => s.Id == c.StoreId).Select(s => s.TimeZoneId).FirstOrDefault(),
                Department = db.Departments.Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                AssignedTo = db.Staff.Where(m => m.Id == c.AssignedToId).Select(m => new Person(m.Id, m.DisplayName)).FirstOrDefault(),
                c.CreatedAt,
                c.FirstResponseAt,
                c.FirstResponseDueAt,
                c.ResolutionDueAt,
                c.PausedAt,
                c.ClosedAt,
                c.CloseReason,
                c.CustomerId,
                c.CustomerRecognised,
                c.CauseId,
                c.CauseState,
                c.CauseConfidence,
                c.CauseModelVersionId,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            return null;
        }

        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == id)
            .OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new MessageView(
                m.Id,
                m.Direction,
                m.Channel,
                m.From,
                m.To,
                m.Subject,
                m.Body,
                m.BodyHtml,
                m.At,
                db.Staff.Where(s => s.Id == m.AuthorId).Select(s => s.DisplayName).FirstOrDefault(),
                m.IsAutomatic,
                m.Delivery,
                m.DeliveryError,
                m.Attachments.Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size)).ToList(),
                m.Malformed,
                m.GivenIdentities))
            .ToListAsync(cancellationToken);

        CustomerSummary? customer = null;
        if (c.CustomerId is { } customerId)
        {
            customer = await CustomerSummaryAsync(db, scope, customerId, c.CustomerRecognised, cancellationToken);
        }

        return new Response(
            c.Id, c.Subject, c.Channel, c.Kind, c.Owner, c.Status, c.Language, c.Activity.Current, c.Queue, c.QueueId, c.Store, c.Department?.Current,
            c.AssignedTo, c.CreatedAt, c.FirstResponseAt, c.FirstResponseDueAt, c.ResolutionDueAt, c.PausedAt, c.ClosedAt, c.CloseReason,
            c.StoreZone ?? "Europe/Paris", messages, customer, await CauseAsync(db, c.CauseId, c.CauseState, c.CauseConfidence, c.CauseModelVersionId, cancellationToken));
    }

    private static async Task<CauseView> CauseAsync(
        ComptoirDbContext db, int? causeId, Causes.CauseState state, double? confidence, int? version, CancellationToken cancellationToken)
    {
        if (causeId is null)
        {
            return new CauseView(null, null, state, null, version, false);
        }

        var choice = (await Causes.CauseChoices.ListAsync(db, activeOnly: false, cancellationToken)).FirstOrDefault(c => c.Id == causeId);
        return new CauseView(causeId, choice?.Path, state, confidence, version, choice?.Priority ?? false);
    }

    /// <summary>
    /// The customer and every conversation they had, newest first, on every channel. Lines outside the
    /// reader's scope show only channel, date and status, and cannot be opened.
    /// </summary>
    public static async Task<CustomerSummary?> CustomerSummaryAsync(ComptoirDbContext db, StaffScope scope, long customerId, bool recognised, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking()
            .Where(k => k.Id == customerId)
            .Select(k => new { k.Id, k.DisplayName, Identities = k.Identities.OrderBy(i => i.Kind).ThenBy(i => i.Id).Select(i => new { i.Kind, i.Value, i.Proof }).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            return null;
        }

        var visible = db.Conversations.VisibleTo(db, scope).Where(v => v.CustomerId == customerId).Select(v => v.Id);
        var history = await db.Conversations.AsNoTracking()
            .Where(h => h.CustomerId == customerId)
            .OrderByDescending(h => h.LastActivityAt)
            .Take(50)
            .Select(h => new { h.Id, h.Channel, h.Subject, h.Status, h.LastActivityAt, Visible = visible.Contains(h.Id) })
            .ToListAsync(cancellationToken);
        return new CustomerSummary(customer.Id, customer.DisplayName, recognised, [.. customer.Identities.Select(i => new IdentityView(i.Kind, i.Value, i.Proof))],
            [.. history.Select(h => h.Visible
                ? new HistoryEntry(h.Id, h.Channel, h.Subject, h.Status, h.LastActivityAt, true)
                : new HistoryEntry(null, h.Channel, null, h.Status, h.LastActivityAt, false))]);
    }
}
