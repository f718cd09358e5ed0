using System.Security.Claims;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Customers;

/// <summary>
/// Finds customers by e-mail, phone, card or order number (exact, whatever the spelling) or by name, within
/// the member's scope: the caller's number typed during a call brings up the customer.
/// </summary>
public static class SearchCustomers
{
    public sealed record Row(long Id, string? Name, DateTimeOffset LastContactAt, IReadOnlyList<string> Identities);

    public static Task<List<Row>> HandleAsync(ClaimsPrincipal user, ComptoirDbContext db, string? q, CancellationToken cancellationToken) =>
        QueryAsync(db, StaffScope.Of(user), q, cancellationToken);

    public static async Task<List<Row>> QueryAsync(ComptoirDbContext db, StaffScope scope, string? q, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length < 3)
        {
            return [];
        }

        var values = Enum.GetValues<IdentityKind>()
            .Select(kind => IdentityValue.Normalize(kind, q))
            .Where(v => v is not null)
            .Select(v => v!)
            .Distinct()
            .ToList();
        var key = Platform.Data.SearchKey.Normalize(q);
        var customers = db.Customers.AsNoTracking().VisibleTo(db, scope).Where(c => c.MergedIntoId == null);
        var matches = customers.Where(c => c.Identities.Any(i => values.Contains(i.Value)) || (key.Length >= 3 && c.SearchKey.Contains(key)));
        var rows = await matches
            .OrderByDescending(c => c.LastContactAt)
            .Take(50)
            .Select(c => new { c.Id, c.DisplayName, c.LastContactAt, Identities = c.Identities.Select(i => new { i.Kind, i.Value, i.Proof }).ToList() })
            .ToListAsync(cancellationToken);
        // Shown as on the customer page: an unverified card with its last digits only.
        return [.. rows.Select(r => new Row(r.Id, r.DisplayName, r.LastContactAt, [.. r.Identities.Select(i => new IdentityView(i.Kind, i.Value, i.Proof).Shown)]))];
    }
}
