using Comptoir.Platform.Localization;

namespace Comptoir.Features.Organisation;

/// <summary>
/// An activity of the customer service centre: hypermarket switchboards, e-commerce, store card, fuel,
/// consumer service, car rental. Queues, skills and service levels are defined per activity.
/// </summary>
public sealed class Activity
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required LocalizedText Name { get; set; }

    /// <summary>Contacts a day this activity receives on an ordinary day; sizes demo data and staffing.</summary>
    public int TypicalDailyContacts { get; set; }
}
