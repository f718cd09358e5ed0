using System.Security.Claims;
using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.Templates;

/// <summary>
/// Who may change answer templates. Templates are the whole group's, offered to every advisor of every site,
/// so only administrators and the supervisors of in-house sites change them; the supervisor of a site run by
/// an outsourcing partner reads them and uses them like its advisors.
/// </summary>
public static class TemplateEditors
{
    /// <summary>The policy of the endpoints that change templates (403 for anyone else).</summary>
    public static void Require(AuthorizationPolicyBuilder policy) =>
        policy.RequireRole(StaffRoles.Administrator, StaffRoles.Supervisor)
            .RequireAssertion(context => context.Resource is HttpContext http
                ? MayEditAsync(http.RequestServices.GetRequiredService<ComptoirDbContext>(), context.User, http.RequestAborted)
                : Task.FromResult(false));

    public static async Task<bool> MayEditAsync(ComptoirDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        StaffScope.From(user) switch
        {
            { Role: StaffRole.Administrator } => true,
            { Role: StaffRole.Supervisor, SiteId: { } site } => await db.ServiceSites.AnyAsync(s => s.Id == site && s.PartnerName == null, cancellationToken),
            _ => false,
        };
}
