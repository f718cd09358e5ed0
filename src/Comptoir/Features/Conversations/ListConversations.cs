using System.Security.Claims;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Conversations;

/// <summary>The member's conversations: theirs, the ones waiting in their scope, or all they may see.</summary>
public static class ListConversations
{
    public enum View
    {
        Mine,
        Waiting,
        All,
    }

    public sealed record Row(
        long Id,
        string Subject,
        Channel Channel,
        ConversationStatus Status,
        string Queue,
        string? Customer,
        string? AssignedTo,
        DateTimeOffset LastActivityAt,
        DateTimeOffset? FirstResponseDueAt,
        DateTimeOffset? ResolutionDueAt,
        bool FirstResponded,
        int Priority);

    public static Task<Page<Row>> HandleAsync(
        ClaimsPrincipal user, ComptoirDbContext db, View? view, ConversationStatus? status, Channel? channel, int? page, int? size, CancellationToken cancellationToken) =>
        QueryAsync(db, StaffScope.Of(user), view ?? View.Mine, status, channel, page, size, cancellationToken);

    public static async Task<Page<Row>> QueryAsync(
        ComptoirDbContext db, StaffScope scope, View view, ConversationStatus? status, Channel? channel, int? page, int? size, CancellationToken cancellationToken)
    {
        var (number, pageSize) = Paging.Clamp(page, size);
        var conversations = db.Conversations.AsNoTracking().VisibleTo(db, scope);
        conversations = view switch
        {
            View.Mine => conversations.Where(c => c.AssignedToId == scope.StaffId && c.Status != ConversationStatus.Closed),
            View.Waiting => conversations.Where(c => c.AssignedToId == null && c.Status == ConversationStatus.New),
            _ => conversations,
        };
        if (status is { } wanted)
        {
            conversations = conversations.Where(c => c.Status == wanted);
        }

        if (channel is { } on)
        {
            conversations = conversations.Where(c => c.Channel == on);
        }

        var total = await conversations.CountAsync(cancellationToken);
        var ordered = view == View.All
            ? conversations.OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id)
            : conversations.OrderByDescending(c => c.Priority).ThenBy(c => c.FirstResponseDueAt == null).ThenBy(c => c.FirstResponseDueAt).ThenBy(c => c.Id);
        var rows = await ordered
            .Skip((number - 1) * pageSize)
            .Take(pageSize)
            .Select(c => new Row(
                c.Id,
                c.Subject,
                c.Channel,
                c.Status,
                db.Queues.Where(q => q.Id == c.QueueId).Select(q => q.Name).First(),
                c.Customer == null ? null : c.Customer.DisplayName,
                db.Staff.Where(m => m.Id == c.AssignedToId).Select(m => m.DisplayName).FirstOrDefault(),
                c.LastActivityAt,
                c.FirstResponseDueAt,
                c.ResolutionDueAt,
                c.FirstResponseAt != null,
                c.Priority))
            .ToListAsync(cancellationToken);
        return new Page<Row>(rows, total, number, pageSize);
    }
}
