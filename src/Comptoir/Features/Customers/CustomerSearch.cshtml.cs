using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comptoir.Features.Customers;

public sealed class CustomerSearchModel(ComptoirDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<SearchCustomers.Row> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await SearchCustomers.QueryAsync(db, StaffScope.Of(User), Q, cancellationToken);
}
