namespace Comptoir.Features.Customers;

/// <summary>What identity kinds are called in the UI; the French label is the key of its translation.</summary>
public static class CustomerLabels
{
    /// <summary>Why two customers were proposed as duplicates when one message carried details of both (proposals made before decision 17).</summary>
    public static string SharedMessage => "Un même message porte des coordonnées de ces deux clients.";

    /// <summary>Why two customers are proposed as duplicates when a contact typed, unproven, a value the other customer holds.</summary>
    public static string GivenValueOfOther => "Un contact a saisi, sans preuve, une coordonnée de l'autre client.";

    /// <summary>Why two customers are proposed as duplicates when one proved a value the other had only typed.</summary>
    public static string ProvenTypedValue => "Une coordonnée saisie par l'un a été prouvée par l'autre.";

    /// <summary>What an identity's proof is called in the UI.</summary>
    public static string Of(IdentityProof proof) => proof switch
    {
        IdentityProof.Unverified => "non vérifié",
        IdentityProof.Weak => "prouvé par la messagerie",
        IdentityProof.Verified => "prouvé par l'opérateur",
        _ => proof.ToString(),
    };

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
