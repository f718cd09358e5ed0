using System.Security.Claims;
using Comptoir.Features.Causes;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comptoir.Features.Conversations;

/// <summary>Closes a conversation with a reason; a later message from the customer reopens it.</summary>
public static class CloseConversation
{
    /// <param name="Reason">One of the close reasons.</param>
    /// <param name="CauseId">The cause the advisor confirms or chooses; required when the model was unsure.</param>
    public sealed record Request(string Reason, int? CauseId = null);

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> HandleAsync(
        long id, Request request, ClaimsPrincipal user, ComptoirDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(db, StaffScope.Of(user), id, request.Reason, request.CauseId, time, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
        }
        catch (ConversationActionException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The conversation was not closed", detail: e.Message);
        }
    }

    public static async Task<bool> ExecuteAsync(ComptoirDbContext db, StaffScope scope, long id, string? reason, int? causeId, TimeProvider time, CancellationToken cancellationToken)
    {
        var conversation = await db.FindForActionAsync(scope, id, cancellationToken);
        if (conversation is null)
        {
            return false;
        }

        if (reason is null || !CloseReasons.All.Contains(reason))
        {
            throw new ConversationActionException("Choisissez la raison de la clôture dans la liste.");
        }

        var now = time.GetUtcNow();
        // A cause given moves the daily counts before the close is saved: both in one transaction. Without one,
        // the close is a single update.
        await using var transaction = causeId is null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        await LabelConversationCause.ExecuteAsync(db, conversation, causeId, now, cancellationToken);
        conversation.Status = ConversationStatus.Closed;
        conversation.CloseReason = reason;
        conversation.ClosedAt = now;
        conversation.PausedAt = null;
        conversation.LastActivityAt = now;
        if (conversation.AssignedToId is null && scope.SiteId is { } site)
        {
            // Closed without being taken: it was the closing member's and their site's work.
            conversation.AssignTo(scope.StaffId, site, now);
        }
        else
        {
            conversation.AssignedSiteId ??= scope.SiteId;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return true;
    }
}
