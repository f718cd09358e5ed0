using Comptoir.Features.Organisation;
using Comptoir.Features.Sites;
using Comptoir.Features.Stores;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Comptoir.Features.Staff;

/// <summary>
/// A person who signs in to Comptoir. The e-mail is the user name; <see cref="IdentityUser{TKey}.PhoneNumber"/>
/// holds the mobile number a store director shows to customers.
/// </summary>
public sealed class StaffMember : IdentityUser<int>, IHasSearchKey
{
    public required string DisplayName { get; set; }

    public StaffRole Role { get; set; }

    /// <summary>Service site of an advisor, supervisor or site manager.</summary>
    public int? SiteId { get; set; }

    public ServiceSite? Site { get; set; }

    /// <summary>Store of a store director or department manager.</summary>
    public int? StoreId { get; set; }

    public Store? Store { get; set; }

    /// <summary>Department of a department manager.</summary>
    public int? DepartmentId { get; set; }

    public Department? Department { get; set; }

    /// <summary>
    /// Country the member works for: set for country executives and community managers, and copied from the
    /// store for store roles so that country-wide views need no join. Empty for service-site roles and
    /// administrators, whose work spans countries.
    /// </summary>
    public int? CountryId { get; set; }

    public Country? Country { get; set; }

    /// <summary>
    /// The product or business team the member belongs to, named as causes name their owning team (e.g.
    /// "Paiement"): its members see and edit the action plans of the team's causes.
    /// </summary>
    public string? Team { get; set; }

    /// <summary>UI culture the member chose, e.g. <c>fr-FR</c> or <c>en-GB</c>.</summary>
    public string? PreferredCulture { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When an administrator closed the account; a deactivated member cannot sign in.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    public string SearchKey { get; private set; } = "";

    public void RefreshSearchKey() => SearchKey = Platform.Data.SearchKey.Normalize(DisplayName, Email);
}
