namespace Comptoir.Features.DemoData;

/// <summary>The sign-in accounts the demo data always contains, one per role, printed when the app starts.</summary>
public static class DemoAccounts
{
    public const string Domain = "demo.comptoir.example";
    public const string Password = "Comptoir-Demo-2026";

    public static readonly IReadOnlyList<(string Email, string Role)> Featured =
    [
        ($"admin@{Domain}", "Administrator"),
        ($"direction.fr@{Domain}", "Country executive, France"),
        ($"directeur.h001@{Domain}", "Store director, Évry 2 (H001)"),
        ($"boulangerie.h001@{Domain}", "Department manager, bakery of Évry 2"),
        ($"responsable.evry@{Domain}", "Site manager, Évry (in-house)"),
        ($"superviseur.tunis@{Domain}", "Supervisor, Tunis (Armatis)"),
        ($"conseiller.tunis@{Domain}", "Advisor, Tunis (Armatis, outsourced)"),
        ($"conseiller.evry@{Domain}", "Advisor, Évry (in-house)"),
        ($"communaute.fr@{Domain}", "Community manager, France"),
        ($"equipe.paiement@{Domain}", "Product team \"Paiement\" (payment causes), France"),
        ($"equipe.livraison@{Domain}", "Product team \"E-commerce : livraison\" (delivery causes), France"),
    ];

    /// <summary>Mailbox and team of the product teams' accounts; the team names are the causes' owning teams.</summary>
    public static readonly IReadOnlyList<(string Mailbox, string Team)> ProductTeams =
    [
        ("equipe.paiement", "Paiement"),
        ("equipe.livraison", "E-commerce : livraison"),
    ];
}
