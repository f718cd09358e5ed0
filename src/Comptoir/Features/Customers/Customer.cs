using Comptoir.Platform.Data;

namespace Comptoir.Features.Customers;

/// <summary>
/// A person who contacts the group, recognised across channels by their identities (e-mail addresses,
/// phone numbers, loyalty card, order numbers, social handles). A merged customer keeps its row, pointing
/// at the survivor, so that a merge can be undone.
/// </summary>
public sealed class Customer : IHasSearchKey
{
    public long Id { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>Language the customer writes in, e.g. <c>fr</c>; replies and acknowledgements use it.</summary>
    public string? Language { get; set; }

    public int? CountryId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastContactAt { get; set; }

    /// <summary>Set when this customer was merged into another; its identities and conversations moved there.</summary>
    public long? MergedIntoId { get; set; }

    public List<CustomerIdentity> Identities { get; set; } = [];

    public string SearchKey { get; private set; } = "";

    public void RefreshSearchKey() => SearchKey = Platform.Data.SearchKey.Normalize(DisplayName);
}
