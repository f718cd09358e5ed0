using System.Diagnostics;
using System.Globalization;
using Comptoir.Features.Causes;
using Comptoir.Features.Causes.Classification;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.DemoData;

/// <summary>
/// The taxonomy of contact causes a French retailer's service centre starts from (domain, cause, finer
/// cause, each with its owning team), a few example sentences per cause taken from what customers say, and
/// a first model trained on them, so that demo contacts arrive classified.
/// </summary>
internal sealed class CausesPart(CauseClassifier classifier) : IDemoDataPart
{
    private sealed record Node(string Code, string Name, string English, string? Team, string[] Verbatims, params Node[] Children);

    private static readonly Node[] Taxonomy =
    [
        new Node("store", "Magasin", "Store", "Exploitation des magasins", [],
            new Node("store.hours", "Horaires d'ouverture", "Opening hours", null, ["Horaires d'ouverture"]),
            new Node("store.availability", "Disponibilité d'un produit", "Product availability", "Approvisionnement", ["Disponibilité d'un produit"]),
            new Node("store.department", "Joindre un rayon", "Reach a department", null, ["Joindre un rayon"]),
            new Node("store.checkout", "Attente en caisse", "Checkout queues", null, ["Attente en caisse"]),
            new Node("store.price", "Erreur de prix", "Price error", "Prix et promotions", ["Erreur de prix en rayon"]),
            new Node("store.parking", "Parking et accès", "Parking and access", null, ["Parking et accès"]),
            new Node("store.quality", "Qualité des produits", "Product quality", "Qualité", [],
                new Node("store.quality.fresh", "Fruits et légumes", "Fruit and vegetables", "Marché frais", ["Fruits et légumes pas frais"]),
                new Node("store.quality.expired", "Produit périmé", "Expired product", null, ["Produit périmé en rayon"]),
                new Node("store.quality.defective", "Produit défectueux", "Defective product", "Service après-vente", ["Produit défectueux"]))),
        new Node("ecommerce", "E-commerce", "E-commerce", "E-commerce : livraison", [],
            new Node("ecommerce.late", "Retard de livraison", "Late delivery", null, ["Retard de livraison"]),
            new Node("ecommerce.incomplete", "Commande incomplète", "Incomplete order", null, ["Commande incomplète"]),
            new Node("ecommerce.slot", "Créneau de livraison", "Delivery slot", null, ["Créneau de livraison"]),
            new Node("ecommerce.damaged", "Colis endommagé", "Damaged parcel", null, ["Colis endommagé"]),
            new Node("ecommerce.drive", "Drive", "Click and collect", "Drive", ["Produit manquant au drive"]),
            new Node("ecommerce.refund", "Remboursement non reçu", "Refund not received", "Service financier", ["Remboursement non reçu"])),
        new Node("payment", "Paiement", "Payment", "Paiement", [],
            new Node("payment.3ds", "Échec 3-D Secure", "3-D Secure failure", null, ["Paiement refusé 3-D Secure"]),
            new Node("payment.double", "Prélèvement en double", "Double charge", null, ["Prélèvement en double"])),
        new Node("app", "Application", "App", "Application mobile", [],
            new Node("app.update", "Panne après mise à jour", "Broken after update", null, ["Application après mise à jour"])),
        new Node("card", "Carte de paiement", "Store card", "Carte de paiement", [],
            new Node("card.blocked", "Carte bloquée", "Card blocked", null, ["Carte bloquée"]),
            new Node("card.statement", "Relevé incompréhensible", "Unclear statement", null, ["Relevé incompréhensible"]),
            new Node("card.limit", "Plafond de la carte", "Card limit", null, ["Plafond de la carte"])),
        new Node("fuel", "Carburant", "Fuel", "Stations-service", [],
            new Node("fuel.pump", "Pompe en panne", "Pump out of order", null, ["Pompe en panne"]),
            new Node("fuel.double", "Double débit à la pompe", "Charged twice at the pump", null, ["Double débit carburant"]),
            new Node("fuel.price", "Prix affiché différent", "Displayed price differs", null, ["Prix affiché différent"])),
        new Node("brand", "Produits de nos marques", "Own-brand products", "Qualité des marques propres", [],
            new Node("brand.foreign", "Corps étranger", "Foreign body", null, ["Corps étranger dans un produit"]),
            new Node("brand.allergens", "Allergènes et composition", "Allergens and ingredients", null, ["Allergènes et composition"]),
            new Node("brand.packaging", "Emballage plastique", "Plastic packaging", "RSE", ["Trop d'emballage plastique"])),
        new Node("rental", "Location de véhicules", "Vehicle rental", "Location", [],
            new Node("rental.booking", "Réservation", "Booking", null, ["Réservation de véhicule"]),
            new Node("rental.deposit", "Caution non restituée", "Deposit not returned", null, ["Caution non restituée"]),
            new Node("rental.condition", "Véhicule sale ou endommagé", "Dirty or damaged vehicle", null, ["Véhicule sale ou endommagé"])),
    ];

    private static readonly string[] Places = ["Évry", "Lyon Part-Dieu", "Marseille", "Lille", "Nantes", "Toulouse"];

    public int Order => 15;

    public string Name => "causes";

    /// <summary>The demo taxonomy's cause for a demo verbatim cause name (used to label the demo's closed conversations).</summary>
    public static IReadOnlyDictionary<string, string> CodeOfVerbatim { get; } = Flatten(Taxonomy)
        .SelectMany(n => n.Verbatims.Select(v => (Verbatim: v, n.Code)))
        .ToDictionary(p => p.Verbatim, p => p.Code, StringComparer.Ordinal);

    public async Task<string> GenerateAsync(DemoDataRun run, CancellationToken cancellationToken)
    {
        var db = run.Db;
        var random = run.RandomFor(Name);
        var created = run.Now.AddDays(-120);
        var phrasings = DemoVerbatims.ByActivity.Values.SelectMany(c => c).ToDictionary(c => c.Name, c => c.Phrasings, StringComparer.Ordinal);

        async Task AddAsync(Node node, int? parentId)
        {
            var cause = new Cause { Code = node.Code, Name = node.Name, EnglishName = node.English, OwningTeam = node.Team, ParentId = parentId, CreatedAt = created };
            db.Causes.Add(cause);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var text in node.Verbatims.SelectMany(v => phrasings[v]))
            {
                // Each sentence a few times with other stores and products, as customers would say it.
                for (var i = 0; i < 3; i++)
                {
                    db.CauseExamples.Add(new CauseExample { CauseId = cause.Id, Text = Fill(random, text), Source = CauseExampleSource.Seed, CreatedAt = created });
                }
            }

            foreach (var child in node.Children)
            {
                await AddAsync(child, cause.Id);
            }
        }

        foreach (var domain in Taxonomy)
        {
            await AddAsync(domain, null);
        }

        await db.SaveChangesAsync(cancellationToken);

        var examples = await db.CauseExamples.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new LabelledText(e.Text, e.CauseId.ToString(CultureInfo.InvariantCulture))).ToListAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        var model = CauseModelTrainer.Train(examples, null, cancellationToken);
        db.CauseModels.Add(new CauseModelVersion
        {
            TrainedAt = created,
            ExampleCount = examples.Count,
            CauseCount = examples.Select(e => e.Label).Distinct().Count(),
            TrainingMilliseconds = clock.ElapsedMilliseconds,
            TrainedBy = "demo",
            Model = model.Serialize(),
        });
        await db.SaveChangesAsync(cancellationToken);
        classifier.Invalidate();
        var causes = await db.Causes.CountAsync(cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{causes} causes, {examples.Count} example sentences, model trained in {clock.ElapsedMilliseconds} ms");
    }

    private static IEnumerable<Node> Flatten(IEnumerable<Node> nodes) => nodes.SelectMany(n => Flatten(n.Children).Prepend(n));

    private static string Fill(Random random, string text) => DemoVerbatims.Fill(random, text, Places[random.Next(Places.Length)]);
}
