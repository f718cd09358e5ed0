using Comptoir.Features.Organisation;
using Comptoir.Platform.Data;

namespace Comptoir.Features.Stores;

/// <summary>A store of the group. Its director is the staff member with that role and this store.</summary>
public sealed class Store : IHasSearchKey
{
    public int Id { get; set; }

    /// <summary>The group's store number, e.g. <c>H042</c>; stable across renames.</summary>
    public required string Code { get; set; }

    /// <summary>URL name for public pages, e.g. <c>evry-2</c>.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    public int FormatId { get; set; }

    public StoreFormat? Format { get; set; }

    public int CountryId { get; set; }

    public Country? Country { get; set; }

    public required string AddressLine { get; set; }

    public required string PostalCode { get; set; }

    public required string City { get; set; }

    /// <summary>IANA time zone in which the store's staff read clocks and digests.</summary>
    public required string TimeZoneId { get; set; }

    /// <summary>Switchboard number in E.164.</summary>
    public required string SwitchboardPhone { get; set; }

    /// <summary>Opening hours in the store's time zone, e.g. "Mon-Sat 08:30-21:00; Sun 09:00-12:30".</summary>
    public string OpeningHours { get; set; } = "Mon-Sat 08:30-21:00";

    public List<StoreDepartment> Departments { get; set; } = [];

    public string SearchKey { get; private set; } = "";

    public void RefreshSearchKey() => SearchKey = Platform.Data.SearchKey.Normalize(Name, City, PostalCode, Code);
}
