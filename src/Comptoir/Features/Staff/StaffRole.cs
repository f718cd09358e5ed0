namespace Comptoir.Features.Staff;

/// <summary>
/// What a staff member does. Each member has exactly one role, and the role decides which of
/// <see cref="StaffMember.SiteId"/>, <see cref="StaffMember.StoreId"/> and
/// <see cref="StaffMember.CountryId"/> bound what they may see.
/// </summary>
public enum StaffRole
{
    Advisor,
    Supervisor,
    SiteManager,
    StoreDirector,
    DepartmentManager,
    CountryExecutive,
    CommunityManager,
    Administrator,
}

public static class StaffRoles
{
    public const string Advisor = nameof(StaffRole.Advisor);
    public const string Supervisor = nameof(StaffRole.Supervisor);
    public const string SiteManager = nameof(StaffRole.SiteManager);
    public const string StoreDirector = nameof(StaffRole.StoreDirector);
    public const string DepartmentManager = nameof(StaffRole.DepartmentManager);
    public const string CountryExecutive = nameof(StaffRole.CountryExecutive);
    public const string CommunityManager = nameof(StaffRole.CommunityManager);
    public const string Administrator = nameof(StaffRole.Administrator);

    /// <summary>Roles whose work happens on a service site.</summary>
    public static bool WorksOnSite(this StaffRole role) =>
        role is StaffRole.Advisor or StaffRole.Supervisor or StaffRole.SiteManager;

    /// <summary>Roles whose work happens in one store.</summary>
    public static bool WorksInStore(this StaffRole role) =>
        role is StaffRole.StoreDirector or StaffRole.DepartmentManager;
}
