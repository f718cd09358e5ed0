namespace Comptoir.Features.Staff;

/// <summary>What each role is called in the UI; the French label is also the key of its translation.</summary>
public static class RoleLabels
{
    public static string Of(StaffRole role) => role switch
    {
        StaffRole.Advisor => "Conseiller",
        StaffRole.Supervisor => "Superviseur",
        StaffRole.SiteManager => "Responsable de site",
        StaffRole.StoreDirector => "Directeur de magasin",
        StaffRole.DepartmentManager => "Manager de rayon",
        StaffRole.CountryExecutive => "Direction pays",
        StaffRole.CommunityManager => "Animateur de communauté",
        StaffRole.Administrator => "Administrateur",
        _ => role.ToString(),
    };
}
