using Comptoir.Features.Causes.Classification;

namespace Comptoir.Tests.Features.Causes;

/// <summary>Small French and English contacts about four causes, built from templates.</summary>
internal static class CauseFixtures
{
    public const string Delivery = "delivery";
    public const string Refund = "refund";
    public const string Card = "card-payment";
    public const string Account = "account-access";

    private static readonly (string Label, string[] Sentences)[] Templates =
    [
        (Delivery, [
            "Ma commande n'est toujours pas livrée",
            "Le colis est en retard depuis {0}",
            "Où en est la livraison de ma commande ?",
            "Le livreur n'est jamais passé {0}",
            "My parcel has not been delivered yet",
            "The delivery is late, where is my order?",
            "Tracking says the package was shipped {0} but nothing arrived",
            "Je n'ai pas reçu mon colis, le suivi ne bouge plus",
        ]),
        (Refund, [
            "Je veux être remboursé de mon achat",
            "J'attends toujours le remboursement de mon retour {0}",
            "Le remboursement n'apparaît pas sur mon relevé",
            "Quand vais-je recevoir l'avoir promis {0} ?",
            "I returned the item and I am still waiting for my refund",
            "Please refund my order, the product was broken",
            "My money back has not arrived {0}",
            "Vous m'aviez promis un remboursement intégral",
        ]),
        (Card, [
            "Mon paiement par carte est refusé",
            "La validation 3DS2 échoue sur l'application {0}",
            "Ma carte bancaire a été débitée deux fois",
            "Le terminal refuse ma carte {0}",
            "My card payment was declined at checkout",
            "I was charged twice on my credit card",
            "The 3DS2 code never arrives when I pay by card {0}",
            "Paiement refusé alors que ma carte est valide",
        ]),
        (Account, [
            "Je n'arrive plus à me connecter à mon compte",
            "Mot de passe oublié, impossible de me connecter {0}",
            "Mon compte client est bloqué",
            "L'application iOS 17.2 me déconnecte sans arrêt {0}",
            "I cannot log in to my account",
            "Password reset link does not work",
            "My account is locked after too many attempts {0}",
            "Je ne reçois pas l'e-mail pour réinitialiser mon mot de passe",
        ]),
    ];

    private static readonly string[] Times = ["hier", "yesterday", "lundi", "last week", "depuis dix jours", "this morning"];

    /// <summary>Every template with each time phrase: 4 causes, 48 examples each.</summary>
    public static IReadOnlyList<LabelledText> Training() =>
    [
        .. from cause in Templates
           from sentence in cause.Sentences
           from time in Times
           select new LabelledText(string.Format(System.Globalization.CultureInfo.InvariantCulture, sentence, time), cause.Label),
    ];

    /// <summary>New wordings, not in the training templates.</summary>
    public static IReadOnlyList<LabelledText> Unseen() =>
    [
        new("Toujours pas de livraison, le colis est perdu ?", Delivery),
        new("Where is my parcel? It was supposed to be delivered", Delivery),
        new("Je souhaite un remboursement pour ce retour", Refund),
        new("When will I get my refund for the returned item?", Refund),
        new("Carte refusée au paiement en ligne", Card),
        new("My card was charged twice for one payment", Card),
        new("Impossible de me connecter, compte bloqué", Account),
        new("I forgot my password and cannot log in", Account),
    ];
}
