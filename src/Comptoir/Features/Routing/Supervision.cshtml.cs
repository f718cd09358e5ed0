using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comptoir.Features.Routing;

[Authorize(Roles = $"{StaffRoles.Supervisor},{StaffRoles.SiteManager},{StaffRoles.Administrator},{StaffRoles.CountryExecutive}")]
public sealed class SupervisionModel(ComptoirDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<SupervisionBoard.Site> Sites { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Sites = await SupervisionBoard.QueryAsync(db, StaffScope.Of(User), time, cancellationToken);
    }
}
