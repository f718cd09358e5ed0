using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comptoir.Features.Staff;

/// <summary>A staff profile; administrators can close or reopen the account from it.</summary>
public sealed class ProfileModel(ComptoirDbContext db, UserManager<StaffMember> users, TimeProvider time) : PageModel
{
    public GetStaffMember.Response Member { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public bool IsSelf { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken cancellationToken) => SetActiveAsync(id, false, cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken cancellationToken) => SetActiveAsync(id, true, cancellationToken);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken cancellationToken)
    {
        var scope = StaffScope.Of(User);
        if (!scope.IsAdministrator)
        {
            return NotFound();
        }

        var result = await SetStaffMemberActive.ExecuteAsync(id, active, scope, db, users, time, cancellationToken);
        return result.Result switch
        {
            Microsoft.AspNetCore.Http.HttpResults.NotFound => NotFound(),
            Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult problem => StatusCode(problem.StatusCode),
            _ => RedirectToPage(new { id }),
        };
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var scope = StaffScope.Of(User);
        var member = await GetStaffMember.QueryAsync(db, scope, id, cancellationToken);
        if (member is null)
        {
            return false;
        }

        Member = member;
        IsSelf = member.Id == scope.StaffId;
        CanManage = scope.IsAdministrator && !IsSelf;
        return true;
    }
}
