using System.Globalization;

namespace Comptoir.Features.DemoData;

/// <summary>
/// What customers say, per activity and cause, in their words, for demo contacts. Placeholders:
/// {magasin} store name, {commande} order number, {heure} a time, {produit} a product, {pompe} a pump.
/// The causes are those a retailer's service centre hears every day; their weights give each its share.
/// </summary>
internal static class DemoVerbatims
{
    public sealed record Cause(string Name, int Weight, string[] Phrasings);

    public static readonly IReadOnlyDictionary<string, Cause[]> ByActivity = new Dictionary<string, Cause[]>
    {
        ["SWITCHBOARD"] =
        [
            new("Horaires d'ouverture", 22, ["Bonjour, le magasin de {magasin} est-il ouvert le dimanche matin ?", "Jusqu'à quelle heure est ouvert {magasin} ce soir ?", "Le magasin sera-t-il ouvert le 11 novembre ?"]),
            new("Disponibilité d'un produit", 20, ["Avez-vous encore {produit} en stock à {magasin} ?", "Je cherche {produit}, le rayon était vide hier.", "Le {produit} en promotion est introuvable à {magasin}."]),
            new("Joindre un rayon", 15, ["Je voudrais parler à la boucherie pour une commande de rôti.", "Pouvez-vous me passer la poissonnerie de {magasin} ?", "Comment joindre le service après-vente électroménager ?"]),
            new("Attente en caisse", 10, ["Trente minutes d'attente en caisse à {magasin} samedi, deux caisses ouvertes seulement.", "Les caisses automatiques étaient en panne et personne pour aider."]),
            new("Fruits et légumes pas frais", 10, ["Les bananes achetées hier à {magasin} n'étaient pas mûres du tout.", "Les fraises étaient moisies dès le lendemain.", "Salade abîmée sous le film, achetée ce matin."]),
            new("Erreur de prix en rayon", 9, ["Le prix affiché en rayon pour {produit} n'est pas celui passé en caisse.", "Étiquette promotion non appliquée en caisse à {magasin}."]),
            new("Produit défectueux", 8, ["Le grille-pain acheté la semaine dernière ne chauffe plus.", "La bouilloire fuit, achetée il y a dix jours à {magasin}."]),
            new("Parking et accès", 6, ["La barrière du parking de {magasin} est restée bloquée, impossible de sortir.", "Les places handicapées sont toujours occupées par des livraisons."]),
        ],
        ["ECOMMERCE"] =
        [
            new("Retard de livraison", 24, ["Ma commande {commande} devait arriver entre {heure} et deux heures plus tard, je n'ai rien reçu.", "Livraison prévue hier, toujours rien aujourd'hui, commande {commande}.", "Un SMS dit que la commande {commande} est partie mais personne n'est venu."]),
            new("Commande incomplète", 14, ["Il manque trois articles dans ma commande {commande}, dont {produit}.", "Sac de surgelés absent de la livraison {commande}."]),
            new("Remboursement non reçu", 12, ["J'attends le remboursement des articles manquants de la commande {commande} depuis deux semaines.", "Le remboursement promis n'apparaît toujours pas sur mon compte."]),
            new("Paiement refusé 3-D Secure", 12, ["Mon paiement est refusé à la validation 3-D Secure, je ne reçois pas le code.", "Impossible de payer ma commande, la page de ma banque tourne en boucle.", "Paiement refusé alors que ma carte fonctionne partout ailleurs."]),
            new("Application après mise à jour", 10, ["Depuis la mise à jour iOS, l'application se ferme à l'ouverture du panier.", "L'appli ne trouve plus mes listes de courses depuis la dernière version.", "Impossible de me connecter à l'application depuis hier."]),
            new("Produit manquant au drive", 10, ["Au drive de {magasin}, on m'a remis un sac sans {produit}.", "Attente de vingt minutes au drive de {magasin} à {heure}."]),
            new("Créneau de livraison", 10, ["Je voudrais changer le créneau de livraison de ma commande {commande}.", "Aucun créneau disponible avant jeudi, est-ce normal ?"]),
            new("Colis endommagé", 8, ["Les œufs de ma commande {commande} étaient tous cassés.", "Carton livré écrasé, bouteilles brisées."]),
        ],
        ["STORE_CARD"] =
        [
            new("Prélèvement en double", 35, ["J'ai été prélevé deux fois pour le même achat à {magasin}.", "Double débit sur ma carte de paiement le même jour."]),
            new("Carte bloquée", 30, ["Ma carte est bloquée après trois codes faux, comment la débloquer ?", "Carte refusée en caisse alors que mon compte est approvisionné."]),
            new("Relevé incompréhensible", 20, ["Je ne comprends pas une ligne de mon relevé de carte du mois dernier.", "Des frais apparaissent sur mon relevé sans explication."]),
            new("Plafond de la carte", 15, ["Je souhaite augmenter le plafond de ma carte pour un achat d'électroménager.", "Quel est le plafond de paiement de ma carte ?"]),
        ],
        ["FUEL"] =
        [
            new("Pompe en panne", 40, ["La pompe {pompe} de la station de {magasin} ne délivre rien après paiement.", "Station 24h/24 de {magasin} : l'automate refuse toutes les cartes."]),
            new("Double débit carburant", 35, ["J'ai été débité deux fois à la pompe {pompe} de {magasin}.", "Pré-autorisation de 150 € jamais libérée après mon plein."]),
            new("Prix affiché différent", 25, ["Le prix affiché sur le totem de {magasin} n'était pas celui de la pompe.", "Le gazole était annoncé moins cher que ce que j'ai payé."]),
        ],
        ["CONSUMER"] =
        [
            new("Corps étranger dans un produit", 30, ["J'ai trouvé un morceau de plastique dans {produit} de votre marque.", "Un insecte dans le paquet de {produit}, lot visible sur la photo."]),
            new("Produit périmé en rayon", 25, ["{produit} acheté hier à {magasin}, date dépassée de trois jours.", "Plusieurs yaourts périmés en rayon à {magasin}."]),
            new("Allergènes et composition", 25, ["{produit} contient-il des traces de fruits à coque ?", "La liste des ingrédients de {produit} a changé, pourquoi ?"]),
            new("Trop d'emballage plastique", 20, ["Pourquoi {produit} est-il suremballé de plastique ?", "Les fruits bio sont sous film plastique, c'est absurde."]),
        ],
        ["CAR_RENTAL"] =
        [
            new("Réservation de véhicule", 40, ["Je voudrais réserver un utilitaire à {magasin} samedi.", "Peut-on louer une voiture pour une semaine à {magasin} ?"]),
            new("Caution non restituée", 35, ["La caution de ma location n'est toujours pas débloquée.", "On m'a retenu 300 € de caution pour une rayure déjà présente."]),
            new("Véhicule sale ou endommagé", 25, ["Le camion loué à {magasin} était sale et le réservoir vide.", "Le véhicule avait un pneu à plat au départ."]),
        ],
    };

    /// <summary>
    /// Irritants that surge over the last days of the demo, as the 3DS2 payment errors did at the end of 2020:
    /// extra contacts a day at full scale, from <c>DaysBeforeEnd</c> days before the end, with new words.
    /// </summary>
    public sealed record Surge(string Activity, string Cause, int DaysBeforeEnd, int ExtraPerDay, string[] Phrasings);

    public static readonly Surge[] Surges =
    [
        new("ECOMMERCE", "Paiement refusé 3-D Secure", 2, 4_000,
        [
            "Depuis le passage au 3DS2, mon paiement est refusé à chaque commande {commande}.",
            "Validation 3DS2 impossible : la page de ma banque reste blanche et la commande {commande} est annulée.",
            "Code 3DS2 jamais reçu par SMS, impossible de payer mes courses.",
            "Paiement bloqué à l'étape 3DS2, j'ai essayé avec deux cartes.",
        ]),
        new("ECOMMERCE", "Application après mise à jour", 1, 900,
        [
            "Depuis iOS 26.1 l'application se ferme dès que j'ouvre le panier.",
            "Après la mise à jour iOS 26.1, impossible de scanner ma carte de fidélité dans l'appli.",
        ]),
    ];

    /// <summary>Fills a phrasing's placeholders with the store's name and drawn order numbers, times, products and pumps.</summary>
    public static string Fill(Random random, string text, string place) => text
        .Replace("{magasin}", place, StringComparison.Ordinal)
        .Replace("{commande}", random.Next(600_000_000, 699_999_999).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{heure}", $"{random.Next(8, 20)}h", StringComparison.Ordinal)
        .Replace("{produit}", Products[random.Next(Products.Length)], StringComparison.Ordinal)
        .Replace("{pompe}", random.Next(1, 12).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static readonly string[] Products =
    [
        "le camembert", "le jambon blanc", "le lait demi-écrémé", "les couches taille 4", "le café en grains", "le jus d'orange", "les yaourts nature",
        "le pain de mie", "l'huile d'olive", "les céréales", "le poulet fermier", "le saumon fumé", "la lessive", "les tomates cerises", "le beurre doux",
    ];

    public static readonly string[] EnglishPhrasings =
    [
        "Hello, my order {commande} has not arrived yet, could you check?", "I was charged twice at {magasin}, please help.", "Is {magasin} open on Sunday morning?",
    ];
}
