using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Conversations;

/// <summary>
/// An answer to the customer on the channel they used (a web form is answered by e-mail). The answer is
/// stored at once and sent by the outbox; the first one stops the first-response clock, and waiting for
/// the customer pauses the resolution clock.
/// </summary>
public static class ReplyToCustomer
{
    public sealed record Request([Required, MaxLength(10_000)] string Body, bool WaitForCustomer = true);

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> HandleAsync(
        long id, Request request, ClaimsPrincipal user, ComptoirDbContext db, IOptions<OutboundOptions> outbound, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(db, StaffScope.Of(user), id, request, outbound.Value, time, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
        }
        catch (ConversationActionException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The answer was not sent", detail: e.Message);
        }
    }

    public static async Task<bool> ExecuteAsync(
        ComptoirDbContext db, StaffScope scope, long id, Request request, OutboundOptions outbound, TimeProvider time, CancellationToken cancellationToken)
    {
        var conversation = await db.FindForActionAsync(scope, id, cancellationToken);
        if (conversation is null)
        {
            return false;
        }

        if (!conversation.Channel.CanReply())
        {
            throw new ConversationActionException("Ce canal ne permet pas de répondre par écrit : appelez le client, puis notez l'échange.");
        }

        if (conversation.Status == ConversationStatus.Closed)
        {
            throw new ConversationActionException("Cette conversation est close : le client peut la rouvrir en répondant.");
        }

        if (string.IsNullOrWhiteSpace(request.Body))
        {
            throw new ConversationActionException("Écrivez votre réponse avant de l'envoyer.");
        }

        var lastInbound = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == id && m.Direction == MessageDirection.Inbound)
            .OrderByDescending(m => m.At).ThenByDescending(m => m.Id)
            .Select(m => new { m.From, m.ReplyTo, m.ExternalId, m.Subject })
            .FirstOrDefaultAsync(cancellationToken);
        // RFC 5322: a customer who set Reply-To wants answers there, not at the From address.
        var recipient = lastInbound?.ReplyTo ?? lastInbound?.From
            ?? throw new ConversationActionException("Le client n'a laissé aucune adresse où lui répondre.");

        var now = time.GetUtcNow();
        var channel = conversation.Channel.ReplyChannel();
        db.Messages.Add(new Message
        {
            ConversationId = conversation.Id,
            Direction = MessageDirection.Outbound,
            Channel = channel,
            ExternalId = channel == Channel.Email ? OutboundMessageId.New(outbound.MessageIdDomain) : null,
            InReplyTo = channel == Channel.Email && lastInbound.ExternalId?.StartsWith('<') == true ? lastInbound.ExternalId : null,
            To = recipient,
            Subject = channel == Channel.Email ? ReplySubject(lastInbound.Subject ?? conversation.Subject, conversation.Id) : null,
            Body = request.Body.Trim(),
            At = now,
            AuthorId = scope.StaffId,
            Delivery = DeliveryStatus.Pending,
            NextDeliveryAttemptAt = now,
        });

        conversation.FirstResponseAt ??= now;
        conversation.LastActivityAt = now;
        if (conversation.AssignedToId is null && scope.SiteId is { } site)
        {
            conversation.AssignTo(scope.StaffId, site, now);
        }

        if (request.WaitForCustomer)
        {
            conversation.Status = ConversationStatus.WaitingForCustomer;
            conversation.PausedAt ??= now;
        }
        else if (conversation.Status == ConversationStatus.New)
        {
            conversation.Status = ConversationStatus.Open;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static string ReplySubject(string subject, long conversationId)
    {
        var reference = $"[Réf. {conversationId}]";
        var text = subject.Contains(reference, StringComparison.Ordinal) ? subject : $"{subject} {reference}";
        return text.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? text : "Re: " + text;
    }
}
