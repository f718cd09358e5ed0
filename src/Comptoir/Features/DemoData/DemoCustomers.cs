using System.Globalization;

namespace Comptoir.Features.DemoData;

/// <summary>
/// The demo's customers, drawn on demand: customer <c>n</c> always has the same name, e-mail, phone and card
/// for a given seed, so a customer who calls in March and writes in May is recognised across channels.
/// </summary>
internal sealed class DemoCustomers(int seed, int size)
{
    private static readonly string[] Domains = ["courriel.example", "boite.example", "mail.example", "net.example"];

    private readonly Dictionary<int, Person> _people = [];
    private int _next;

    public sealed record Person(int Index, string Name, string? Email, string? Phone, string? LoyaltyCard, string Handle);

    /// <summary>A customer who has contacted us before (with probability <paramref name="returning"/>), or a new one.</summary>
    public Person Pick(Random random, double returning)
    {
        var index = _next > 0 && (random.NextDouble() < returning || _next >= size)
            ? random.Next(_next)
            : _next++;
        if (!_people.TryGetValue(index, out var person))
        {
            person = Create(index);
            _people[index] = person;
        }

        return person;
    }

    private Person Create(int index)
    {
        var random = new Random(seed ^ (index * 7919));
        var name = NamePool.French.Draw(random);
        var parts = name.ToLowerInvariant().Split(' ');
        var local = Platform.Data.SearchKey.Normalize(parts[0]).Replace(' ', '-') + "." + Platform.Data.SearchKey.Normalize(string.Join(' ', parts.Skip(1))).Replace(' ', '-');
        var email = random.NextDouble() < 0.85 ? $"{local}{index.ToString(CultureInfo.InvariantCulture)}@{Domains[index % Domains.Length]}" : null;
        var phone = random.NextDouble() < 0.9 ? "+336" + (10_000_000 + index * 37 % 89_999_999).ToString("00000000", CultureInfo.InvariantCulture) : null;
        var card = random.NextDouble() < 0.45 ? "4970" + (index * 104_729L % 1_000_000_000_000L).ToString("000000000000", CultureInfo.InvariantCulture) : null;
        return new Person(index, name, email, phone, card, local.Replace('.', '_') + index.ToString(CultureInfo.InvariantCulture));
    }
}
