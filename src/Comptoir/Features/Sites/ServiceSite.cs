namespace Comptoir.Features.Sites;

/// <summary>
/// A customer service site where advisors work: in-house (Évry, Saint-Étienne) or run by an outsourcing
/// partner (Tunis, Antananarivo, Dakar). An outsourced site's staff see only their own site's work.
/// </summary>
public sealed class ServiceSite
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string City { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of where the site is, which need not be a trading country.</summary>
    public required string LocationCountryCode { get; set; }

    public required string TimeZoneId { get; set; }

    /// <summary>The outsourcing partner running the site, or null for an in-house site.</summary>
    public string? PartnerName { get; set; }

    public bool IsOutsourced => PartnerName is not null;

    /// <summary>Advisor seats the contract or the site plan provides for.</summary>
    public int PlannedAdvisorSeats { get; set; }

    /// <summary>Hours the site answers customers, in its time zone; service-level clocks run in them.</summary>
    public string ServiceHours { get; set; } = "Mon-Sat 08:00-20:00";

    public List<SiteActivity> Activities { get; set; } = [];
}
