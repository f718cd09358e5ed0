using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.Templates;

/// <summary>
/// Withdraws a template from advisors' reply forms, or offers it again. A disabled template is kept, with its
/// title, so that enabling it brings it back as it was; answers already sent with it are unaffected.
/// </summary>
public static class ChangeTemplate
{
    public static async Task<Results<NoContent, NotFound>> DisableAsync(int id, ComptoirDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await SetEnabledAsync(db, time, id, false, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<Results<NoContent, NotFound>> EnableAsync(int id, ComptoirDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await SetEnabledAsync(db, time, id, true, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>False when there is no such template. Disabling a disabled template keeps when it was first disabled.</summary>
    public static async Task<bool> SetEnabledAsync(ComptoirDbContext db, TimeProvider time, int id, bool enabled, CancellationToken cancellationToken)
    {
        var template = await db.AnswerTemplates.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return false;
        }

        template.DisabledAt = enabled ? null : template.DisabledAt ?? time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
