using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comptoir.Features.Staff.Admin;

[Authorize(Roles = StaffRoles.Administrator)]
public sealed class StaffAccountsModel(ComptoirDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public StaffRole? Role { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    [TempData]
    public string? Created { get; set; }

    public Page<ListStaff.Row> Results { get; private set; } = new([], 0, 1, Paging.DefaultSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await ListStaff.QueryAsync(db, StaffScope.Of(User), Q, Role, PageNumber, size: 50, cancellationToken);

    public string PageLink(int page) =>
        $"?q={Uri.EscapeDataString(Q ?? "")}&role={Role}&page={page}";
}
