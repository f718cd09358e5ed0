using Comptoir.Platform.Localization;

namespace Comptoir.Features.Organisation;

/// <summary>A store format: hypermarket, supermarket, convenience store, drive.</summary>
public sealed class StoreFormat
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required LocalizedText Name { get; set; }
}
