using System.Globalization;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Conversations;

/// <summary>Reusable answers for a conversation's language and activity, with their placeholders filled in.</summary>
public static class AnswerTemplates
{
    /// <summary>The placeholders a template may use; any other <c>{word}</c> would reach the customer as written.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["{client}", "{conseiller}", "{reference}"];

    public sealed record Choice(int Id, string Name);

    public static Task<List<Choice>> ForAsync(ComptoirDbContext db, string language, int activityId, CancellationToken cancellationToken) =>
        db.AnswerTemplates.AsNoTracking()
            .Where(t => t.Language == language && (t.ActivityId == null || t.ActivityId == activityId))
            .OrderBy(t => t.Name)
            .Select(t => new Choice(t.Id, t.Name))
            .ToListAsync(cancellationToken);

    public static async Task<string?> FillAsync(ComptoirDbContext db, int templateId, string? customerName, string advisorName, long conversationId, CancellationToken cancellationToken)
    {
        var body = await db.AnswerTemplates.AsNoTracking().Where(t => t.Id == templateId).Select(t => t.Body).SingleOrDefaultAsync(cancellationToken);
        return body is null ? null : Fill(body, customerName, advisorName, conversationId);
    }

    public static string Fill(string body, string? customerName, string advisorName, long conversationId) =>
        body
            .Replace("{client}", customerName ?? "", StringComparison.Ordinal)
            .Replace("{conseiller}", advisorName, StringComparison.Ordinal)
            .Replace("{reference}", conversationId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
