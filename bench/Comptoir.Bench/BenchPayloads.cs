using System.Globalization;
using System.Text.Json;
using Comptoir.Features.DemoData;

namespace Comptoir.Bench;

/// <summary>
/// Webhook bodies as operators deliver them: SMS and social messages in French, from a pool of customers
/// of whom 60 % write again, so that recognition finds known customers as often as in production.
/// </summary>
internal static class BenchPayloads
{
    public static List<byte[]> Sms(int count, int seed, string runId)
    {
        var random = new Random(seed);
        var customers = Math.Max(1, count / 3);
        var payloads = new List<byte[]>(count);
        var activities = new[] { "ECOMMERCE", "SWITCHBOARD", "STORE_CARD", "FUEL", "CONSUMER", "CAR_RENTAL" };
        for (var i = 0; i < count; i++)
        {
            var customer = random.NextDouble() < 0.6 && i > 0 ? random.Next(Math.Min(i, customers)) : i % customers;
            var activity = activities[random.Next(activities.Length)];
            var causes = DemoVerbatims.ByActivity[activity];
            var cause = causes[random.Next(causes.Length)];
            var text = cause.Phrasings[random.Next(cause.Phrasings.Length)]
                .Replace("{magasin}", "Évry 2", StringComparison.Ordinal)
                .Replace("{commande}", random.Next(600_000_000, 699_999_999).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{heure}", "16h", StringComparison.Ordinal)
                .Replace("{produit}", DemoVerbatims.Products[random.Next(DemoVerbatims.Products.Length)], StringComparison.Ordinal)
                .Replace("{pompe}", "4", StringComparison.Ordinal);
            payloads.Add(JsonSerializer.SerializeToUtf8Bytes(new
            {
                id = $"{runId}-{i}",
                from = "+3361" + (1_000_000 + customer).ToString("0000000", CultureInfo.InvariantCulture),
                to = "36000",
                text,
                activity,
            }));
        }

        return payloads;
    }
}
