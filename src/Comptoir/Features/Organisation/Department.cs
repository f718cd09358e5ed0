using Comptoir.Platform.Localization;

namespace Comptoir.Features.Organisation;

/// <summary>
/// A department of a store (bakery, butchery, checkouts, logistics...). Contacts about a store are routed
/// to the department that can act on them.
/// </summary>
public sealed class Department
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required LocalizedText Name { get; set; }

    /// <summary>A fresh-products trade (bakery, butchery, fish, fruit and vegetables...).</summary>
    public bool IsFreshTrade { get; set; }

    public int SortOrder { get; set; }
}
