namespace Comptoir.Features.ServiceLevels;

/// <summary>
/// A whole day service-level clocks do not run: a public holiday of a country (every store of that country and
/// every service site located there), or a closure of one service site or one store. The day is read in the
/// place's own time zone. Exactly one of <see cref="CountryCode"/>, <see cref="SiteId"/> and
/// <see cref="StoreId"/> is set.
/// </summary>
public sealed class ClosedDay
{
    public int Id { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of the country whose public holiday it is, e.g. <c>FR</c>.</summary>
    public string? CountryCode { get; set; }

    public int? SiteId { get; set; }

    public int? StoreId { get; set; }

    /// <summary>What the day is, e.g. « Fête du Travail » or « Inventaire annuel ».</summary>
    public required string Name { get; set; }
}
