using Comptoir.Platform.Localization;

namespace Comptoir.Features.Organisation;

/// <summary>A country the group trades in. Stores, customers and digests are grouped by country.</summary>
public sealed class Country
{
    public int Id { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code, e.g. <c>FR</c>.</summary>
    public required string Code { get; set; }

    public required LocalizedText Name { get; set; }

    /// <summary>Culture customers are answered in by default, e.g. <c>fr-FR</c>.</summary>
    public required string DefaultCulture { get; set; }

    /// <summary>IANA time zone of the country's head office; stores carry their own.</summary>
    public required string TimeZoneId { get; set; }

    /// <summary>ISO 4217 currency code.</summary>
    public required string CurrencyCode { get; set; }

    /// <summary>International calling code without the plus sign, used to normalise phone numbers.</summary>
    public required string CallingCode { get; set; }
}
