using Comptoir.Features.Routing;

namespace Comptoir.Features.Setup.Advisors;

/// <summary>What an advisor's presence is called in the UI; the French label is the key of its translation.</summary>
public static class PresenceLabels
{
    public static string Of(Presence presence) => presence switch
    {
        Presence.Available => "Disponible",
        Presence.Away => "En pause",
        Presence.Offline => "Hors ligne",
        _ => presence.ToString(),
    };
}
