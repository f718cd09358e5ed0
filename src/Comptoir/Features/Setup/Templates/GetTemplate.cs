using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.Templates;

/// <summary>An answer template as administrators and supervisors edit it.</summary>
public static class GetTemplate
{
    public sealed record Response(int Id, string Name, string Language, int? ActivityId, string Body, bool Enabled);

    public static async Task<Results<Ok<Response>, NotFound>> HandleAsync(int id, ComptoirDbContext db, CancellationToken cancellationToken) =>
        await QueryAsync(db, id, cancellationToken) is { } template ? TypedResults.Ok(template) : TypedResults.NotFound();

    public static Task<Response?> QueryAsync(ComptoirDbContext db, int id, CancellationToken cancellationToken) =>
        db.AnswerTemplates.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new Response(t.Id, t.Name, t.Language, t.ActivityId, t.Body, t.DisabledAt == null))
            .SingleOrDefaultAsync(cancellationToken);
}
