using Comptoir.Features.Conversations;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Causes;

/// <summary>
/// The advisor's word on a conversation's cause, given when closing: it replaces the prediction, moves the
/// counts if it differs, and becomes a training example (one per conversation, replaced if closed again).
/// </summary>
public static class LabelConversationCause
{
    private const int MaxExampleLength = 4000;

    /// <summary>Applies the advisor's choice; changes are saved by the caller with the close.</summary>
    public static async Task ExecuteAsync(ComptoirDbContext db, Conversation conversation, int? causeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (causeId is null)
        {
            if (conversation.CauseState is CauseState.ToReview or CauseState.None && await db.Causes.AnyAsync(c => c.Active, cancellationToken))
            {
                throw new ConversationActionException("Choisissez la cause du contact : le modèle n'a pas su la reconnaître.");
            }

            return;
        }

        if (!await db.Causes.AnyAsync(c => c.Id == causeId && c.Active, cancellationToken))
        {
            throw new ConversationActionException("Cette cause n'existe pas ou n'est plus utilisée ; choisissez-en une dans la liste.");
        }

        var previous = conversation.CauseId;
        conversation.CauseState = previous == causeId && conversation.CauseState is CauseState.Predicted or CauseState.Confirmed
            ? CauseState.Confirmed
            : CauseState.Corrected;
        conversation.CauseId = causeId;
        if (previous != causeId)
        {
            var moves = CauseCounts.For(conversation, causeId.Value, 1);
            if (previous is { } old)
            {
                moves = moves.Concat(CauseCounts.For(conversation, old, -1));
            }

            await CauseCounts.ApplyAsync(db, moves, cancellationToken);
        }

        var text = await CustomerWordsAsync(db, conversation.Id, cancellationToken);
        if (text is null)
        {
            return;
        }

        var example = await db.CauseExamples.SingleOrDefaultAsync(e => e.ConversationId == conversation.Id, cancellationToken);
        if (example is null)
        {
            db.CauseExamples.Add(new CauseExample
            {
                CauseId = causeId.Value,
                ConversationId = conversation.Id,
                Text = text,
                Source = conversation.CauseState == CauseState.Confirmed ? CauseExampleSource.Confirmed : CauseExampleSource.Corrected,
                CreatedAt = now,
            });
        }
        else
        {
            example.CauseId = causeId.Value;
            example.Source = conversation.CauseState == CauseState.Confirmed ? CauseExampleSource.Confirmed : CauseExampleSource.Corrected;
        }
    }

    /// <summary>The customer's first words in the conversation: what the model sees on arrival.</summary>
    public static async Task<string?> CustomerWordsAsync(ComptoirDbContext db, long conversationId, CancellationToken cancellationToken)
    {
        var first = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Direction == MessageDirection.Inbound)
            .OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new { m.Subject, m.Body })
            .FirstOrDefaultAsync(cancellationToken);
        if (first is null || string.IsNullOrWhiteSpace(first.Body))
        {
            return null;
        }

        var text = string.IsNullOrWhiteSpace(first.Subject) ? first.Body : first.Subject + "\n" + first.Body;
        return text.Length > MaxExampleLength ? text[..MaxExampleLength] : text;
    }
}
