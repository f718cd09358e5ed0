using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comptoir.Features.Conversations;

/// <summary>An internal note: for colleagues, never sent to the customer (also an advisor's call notes).</summary>
public static class AddNote
{
    public sealed record Request([Required, MaxLength(10_000)] string Body);

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> HandleAsync(
        long id, Request request, ClaimsPrincipal user, ComptoirDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(db, StaffScope.Of(user), id, request.Body, time, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
        }
        catch (ConversationActionException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The note was not added", detail: e.Message);
        }
    }

    public static async Task<bool> ExecuteAsync(ComptoirDbContext db, StaffScope scope, long id, string body, TimeProvider time, CancellationToken cancellationToken)
    {
        var conversation = await db.FindForActionAsync(scope, id, cancellationToken);
        if (conversation is null)
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            throw new ConversationActionException("Écrivez la note avant de l'ajouter.");
        }

        var now = time.GetUtcNow();
        db.Messages.Add(new Message
        {
            ConversationId = id,
            Direction = MessageDirection.Note,
            Channel = conversation.Channel,
            Body = body.Trim(),
            At = now,
            AuthorId = scope.StaffId,
        });
        conversation.LastActivityAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
