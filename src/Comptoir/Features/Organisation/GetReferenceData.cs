using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Organisation;

/// <summary>The organisation's reference lists, which forms and integrations pick from.</summary>
public static class GetReferenceData
{
    public sealed record Response(
        IReadOnlyList<Item> Countries,
        IReadOnlyList<Item> StoreFormats,
        IReadOnlyList<Item> Departments,
        IReadOnlyList<Item> Activities);

    public sealed record Item(int Id, string Code, string NameFr, string NameEn);

    public static async Task<Response> HandleAsync(ComptoirDbContext db, CancellationToken cancellationToken) => new(
        await db.Countries.AsNoTracking().OrderBy(c => c.Code).Select(c => new Item(c.Id, c.Code, c.Name.Fr, c.Name.En)).ToListAsync(cancellationToken),
        await db.StoreFormats.AsNoTracking().OrderBy(f => f.Id).Select(f => new Item(f.Id, f.Code, f.Name.Fr, f.Name.En)).ToListAsync(cancellationToken),
        await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new Item(d.Id, d.Code, d.Name.Fr, d.Name.En)).ToListAsync(cancellationToken),
        await db.Activities.AsNoTracking().OrderBy(a => a.Id).Select(a => new Item(a.Id, a.Code, a.Name.Fr, a.Name.En)).ToListAsync(cancellationToken));
}
