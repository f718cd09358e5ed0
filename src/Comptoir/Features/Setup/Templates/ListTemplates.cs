using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.Templates;

/// <summary>
/// Answer templates by language and activity (a template without activity is offered for every activity),
/// optionally only those of one activity or one language, disabled ones included: a few dozen at most, so one list.
/// </summary>
public static class ListTemplates
{
    public sealed record Row(int Id, string Name, string Language, int? ActivityId, string? Activity, string Body, bool Enabled);

    public static async Task<Ok<IReadOnlyList<Row>>> HandleAsync(ComptoirDbContext db, int? activityId, string? language, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QueryAsync(db, activityId, language, cancellationToken));

    public static async Task<IReadOnlyList<Row>> QueryAsync(ComptoirDbContext db, int? activityId, string? language, CancellationToken cancellationToken)
    {
        var templates = db.AnswerTemplates.AsNoTracking();
        if (activityId is { } activity)
        {
            templates = templates.Where(t => t.ActivityId == activity);
        }

        if (LanguageCodes.Normalize(language) is { } code)
        {
            templates = templates.Where(t => t.Language == code);
        }

        var rows = await templates.Select(t => new { t.Id, t.Name, t.Language, t.ActivityId, t.Body, Enabled = t.DisabledAt == null }).ToListAsync(cancellationToken);
        var activities = await db.Activities.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return
        [
            .. rows
                .OrderBy(t => t.Language == "fr" ? 0 : 1).ThenBy(t => t.Language, StringComparer.Ordinal)
                .ThenBy(t => t.ActivityId is null ? 0 : 1).ThenBy(t => t.ActivityId)
                .ThenBy(t => t.Name, StringComparer.CurrentCulture)
                .Select(t => new Row(
                    t.Id,
                    t.Name,
                    t.Language,
                    t.ActivityId,
                    t.ActivityId is { } a && activities.TryGetValue(a, out var name) ? name.Current : null,
                    t.Body,
                    t.Enabled)),
        ];
    }
}
