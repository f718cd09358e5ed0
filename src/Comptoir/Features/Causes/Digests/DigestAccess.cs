using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;

namespace Comptoir.Features.Causes.Digests;

/// <summary>
/// Who reads which digests: the group's and every country's for administrators and the service centre's
/// supervision; their own country's for a country executive or community manager; none for the others
/// (a store director sees their store's irritants on their home page). Anything else answers 404.
/// </summary>
public static class DigestAccess
{
    public static bool SeesEveryScope(StaffRole role) =>
        role is StaffRole.Administrator or StaffRole.Supervisor or StaffRole.SiteManager;

    public static bool CanRead(StaffRole role, int? countryId, CauseScope scope, int scopeId) =>
        SeesEveryScope(role)
        || (scope == CauseScope.Country && role is StaffRole.CountryExecutive or StaffRole.CommunityManager && countryId == scopeId);

    public static bool CanRead(StaffScope reader, CauseScope scope, int scopeId) => CanRead(reader.Role, reader.CountryId, scope, scopeId);

    /// <summary>The scope a reader lands on; none when they read no digest.</summary>
    public static (CauseScope Scope, int ScopeId)? DefaultScope(StaffScope reader) =>
        SeesEveryScope(reader.Role) ? (CauseScope.Group, 0)
        : reader.Role is StaffRole.CountryExecutive or StaffRole.CommunityManager && reader.CountryId is { } country ? (CauseScope.Country, country)
        : null;

    public static IQueryable<CauseDigest> VisibleTo(this IQueryable<CauseDigest> digests, StaffScope reader) =>
        SeesEveryScope(reader.Role) ? digests
        : DefaultScope(reader) is { } own ? digests.Where(d => d.Scope == own.Scope && d.ScopeId == own.ScopeId)
        : digests.Where(_ => false);
}
