using Comptoir.Features.Conversations;
using Comptoir.Features.Sites;
using Comptoir.Features.Staff;
using Comptoir.Features.Stores;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Home;

/// <summary>The organisation in figures, as far as the member sees it: the whole group, or one country.</summary>
public static class OrganisationOverview
{
    public sealed record Response(
        string? CountryName,
        int Stores,
        int StoresWithDirector,
        IReadOnlyList<(StaffRole Role, int Count)> StaffByRole,
        IReadOnlyList<ListSites.Row> Sites,
        RecognitionShare.Figures? Recognition);

    public static async Task<Response> QueryAsync(ComptoirDbContext db, StaffScope scope, TimeProvider time, CancellationToken cancellationToken)
    {
        var stores = db.Stores.AsNoTracking().VisibleTo(scope);
        if (scope.Role == StaffRole.CommunityManager)
        {
            // Community managers animate the country's customers; they see the country's stores as customers do.
            stores = db.Stores.AsNoTracking().Where(s => s.CountryId == scope.CountryId);
        }

        var storeCount = await stores.CountAsync(cancellationToken);
        var withDirector = await stores.CountAsync(s => db.Staff.Any(m => m.StoreId == s.Id && m.Role == StaffRole.StoreDirector), cancellationToken);
        var byRole = await db.Staff.AsNoTracking().VisibleTo(scope)
            .GroupBy(m => m.Role)
            .Select(g => new { Role = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var country = scope.CountryId is { } countryId
            ? await db.Countries.AsNoTracking().Where(c => c.Id == countryId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken)
            : null;

        return new Response(
            country?.Current,
            storeCount,
            withDirector,
            [.. byRole.OrderBy(r => r.Role).Select(r => (r.Role, r.Count))],
            await ListSites.QueryAsync(db, scope, cancellationToken),
            scope.Role == StaffRole.CommunityManager
                ? null
                : await RecognitionShare.QueryAsync(db.Conversations.AsNoTracking().VisibleTo(db, scope), time.GetUtcNow().AddDays(-7), cancellationToken));
    }
}
