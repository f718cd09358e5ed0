namespace Comptoir.Features.Customers;

/// <summary>What identity kinds are called in the UI; the French label is the key of its translation.</summary>
public static class CustomerLabels
{
    /// <summary>Why two customers are proposed as duplicates when one message carried details of both.</summary>
    public static string SharedMessage => "Un même message porte des coordonnées de ces deux clients.";

    public static string Of(IdentityKind kind) => kind switch
    {
        IdentityKind.Email => "E-mail",
        IdentityKind.Phone => "Téléphone",
        IdentityKind.LoyaltyCard => "Carte de fidélité",
        IdentityKind.OrderNumber => "Commande",
        IdentityKind.SocialHandle => "Réseau social",
        _ => kind.ToString(),
    };
}
