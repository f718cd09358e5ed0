using System.Security.Claims;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Conversations;

/// <summary>Takes a given conversation (rather than the next one): it must be waiting, and in the member's scope.</summary>
public static class TakeConversation
{
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> HandleAsync(
        long id, ClaimsPrincipal user, ComptoirDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(db, StaffScope.Of(user), id, time, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
        }
        catch (ConversationActionException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The conversation was not taken", detail: e.Message);
        }
    }

    public static async Task<bool> ExecuteAsync(ComptoirDbContext db, StaffScope scope, long id, TimeProvider time, CancellationToken cancellationToken)
    {
        var conversation = await db.FindForActionAsync(scope, id, cancellationToken);
        if (conversation is null)
        {
            return false;
        }

        if (conversation.AssignedToId == scope.StaffId)
        {
            return true;
        }

        var now = time.GetUtcNow();
        // ConversationAssignment.AssignTo in one statement, so that two members never both take it.
        var claimed = await db.Conversations
            .Where(c => c.Id == id && c.AssignedToId == null && c.Status != ConversationStatus.Closed)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(c => c.AssignedToId, scope.StaffId)
                    .SetProperty(c => c.AssignedSiteId, c => scope.SiteId ?? c.AssignedSiteId)
                    .SetProperty(c => c.AssignedAt, now)
                    .SetProperty(c => c.Status, c => c.Status == ConversationStatus.New ? ConversationStatus.Open : c.Status),
                cancellationToken);
        return claimed == 1
            ? true
            : throw new ConversationActionException("Un collègue a déjà pris cette conversation.");
    }
}
