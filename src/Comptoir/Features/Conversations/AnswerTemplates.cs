using System.Globalization;
using System.Text.RegularExpressions;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Conversations;

/// <summary>Reusable answers for a conversation's language and activity, with their placeholders filled in.</summary>
public static partial class AnswerTemplates
{
    /// <summary>The placeholders a template may use; any other <c>{word}</c> would reach the customer as written.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["{client}", "{conseiller}", "{reference}"];

    /// <summary>The <c>{words}</c> of a body that are not placeholders, each once, in the order they appear.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string body) =>
        [.. Braced().Matches(body).Select(m => m.Value).Where(p => !Placeholders.Contains(p)).Distinct(StringComparer.Ordinal)];

    public sealed record Choice(int Id, string Name);

    /// <summary>The enabled templates for a conversation's language and activity; disabled ones are kept but not offered.</summary>
    public static Task<List<Choice>> ForAsync(ComptoirDbContext db, string language, int activityId, CancellationToken cancellationToken) =>
        db.AnswerTemplates.AsNoTracking()
            .Where(t => t.DisabledAt == null && t.Language == language && (t.ActivityId == null || t.ActivityId == activityId))
            .OrderBy(t => t.Name)
            .Select(t => new Choice(t.Id, t.Name))
            .ToListAsync(cancellationToken);

    /// <summary>An enabled template's body filled in; null when there is no such template or it was disabled.</summary>
    public static async Task<string?> FillAsync(ComptoirDbContext db, int templateId, string? customerName, string advisorName, long conversationId, CancellationToken cancellationToken)
    {
        var body = await db.AnswerTemplates.AsNoTracking().Where(t => t.Id == templateId && t.DisabledAt == null).Select(t => t.Body).SingleOrDefaultAsync(cancellationToken);
        return body is null ? null : Fill(body, customerName, advisorName, conversationId);
    }

    public static string Fill(string body, string? customerName, string advisorName, long conversationId) =>
        body
            .Replace("{client}", customerName ?? "", StringComparison.Ordinal)
            .Replace("{conseiller}", advisorName, StringComparison.Ordinal)
            .Replace("{reference}", conversationId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Braced();
}
