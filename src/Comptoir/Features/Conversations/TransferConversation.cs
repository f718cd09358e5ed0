using System.Security.Claims;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Conversations;

/// <summary>
/// Hands a conversation to another queue of the service centre, or to a store department (or its director)
/// that can act on it. It leaves the advisor's hands and waits for its new owner.
/// </summary>
public static class TransferConversation
{
    /// <summary>Either a queue, or a store (and optionally one of its departments).</summary>
    public sealed record Request(int? QueueId, int? StoreId, int? DepartmentId, string? Note);

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> HandleAsync(
        long id, Request request, ClaimsPrincipal user, ComptoirDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(db, StaffScope.Of(user), id, request, time, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
        }
        catch (ConversationActionException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The conversation was not transferred", detail: e.Message);
        }
    }

    public static async Task<bool> ExecuteAsync(ComptoirDbContext db, StaffScope scope, long id, Request request, TimeProvider time, CancellationToken cancellationToken)
    {
        var conversation = await db.FindForActionAsync(scope, id, cancellationToken);
        if (conversation is null)
        {
            return false;
        }

        if (conversation.Status == ConversationStatus.Closed)
        {
            throw new ConversationActionException("Cette conversation est close : elle ne peut plus être transférée.");
        }

        var now = time.GetUtcNow();
        string destination;
        if (request.QueueId is { } queueId)
        {
            destination = await db.Queues.Where(q => q.Id == queueId).Select(q => q.Name).SingleOrDefaultAsync(cancellationToken)
                ?? throw new ConversationActionException("Choisissez une file d'attente existante.");
            conversation.QueueId = queueId;
            conversation.Owner = ConversationOwner.ServiceCentre;
            conversation.DepartmentId = null;
        }
        else if ((request.StoreId ?? conversation.StoreId) is { } storeId)
        {
            var store = await db.Stores.Where(s => s.Id == storeId).Select(s => new { s.Id, s.Name, s.CountryId }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new ConversationActionException("Choisissez un magasin existant.");
            destination = store.Name;
            if (request.DepartmentId is { } departmentId)
            {
                var department = await db.Stores.Where(s => s.Id == storeId).SelectMany(s => s.Departments)
                    .Where(d => d.DepartmentId == departmentId).Select(d => d.Department!.Name).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new ConversationActionException("Ce rayon n'existe pas dans ce magasin.");
                destination += " · " + department.Fr;
            }

            conversation.StoreId = store.Id;
            conversation.CountryId ??= store.CountryId;
            conversation.DepartmentId = request.DepartmentId;
            conversation.Owner = ConversationOwner.Store;
        }
        else
        {
            throw new ConversationActionException("Choisissez une file d'attente, ou un magasin et son rayon.");
        }

        conversation.Release();
        conversation.Status = ConversationStatus.New;
        conversation.LastActivityAt = now;
        db.Messages.Add(new Message
        {
            ConversationId = id,
            Direction = MessageDirection.Note,
            Channel = conversation.Channel,
            Body = $"Transféré vers {destination}." + (string.IsNullOrWhiteSpace(request.Note) ? "" : "\n" + request.Note.Trim()),
            At = now,
            AuthorId = scope.StaffId,
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
