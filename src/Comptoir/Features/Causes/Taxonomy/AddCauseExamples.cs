using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Causes.Taxonomy;

/// <summary>An administrator writes sentences a customer would say about a cause; the next training learns from them.</summary>
public static class AddCauseExamples
{
    public sealed record Request(IReadOnlyList<string>? Texts);

    public sealed record Response(int CauseId, int Added, int Examples);

    public static async Task<Results<Ok<Response>, NotFound, ValidationProblem>> HandleAsync(
        int id, Request request, ComptoirDbContext db, IStringLocalizer<Texts> t, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.Causes.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var texts = (request.Texts ?? []).Select(x => x.Trim()).Where(x => x.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (texts.Count == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [nameof(Request.Texts)] = [t["Saisissez au moins une phrase d'exemple."]] });
        }

        if (texts.Any(x => x.Length > 4000))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [nameof(Request.Texts)] = [t["Une phrase d'exemple ne doit pas dépasser 4000 caractères."]] });
        }

        var now = time.GetUtcNow();
        db.CauseExamples.AddRange(texts.Select(x => new CauseExample { CauseId = id, Text = x, Source = CauseExampleSource.Seed, CreatedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new Response(id, texts.Count, await db.CauseExamples.CountAsync(e => e.CauseId == id, cancellationToken)));
    }
}
