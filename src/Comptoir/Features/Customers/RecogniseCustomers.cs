using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Customers;

/// <summary>
/// Ties each incoming contact to a customer by the identities it carries (e-mail, phone, card, order,
/// social handle), creating the customer when none matches. A contact whose identities belong to two
/// different customers goes to the one its first identity names, and the pair is proposed for merging.
/// Works on a batch with what the database knows of its identities (read with the batch's other lookups), and one
/// more query only when two customers turn out to share a contact.
/// </summary>
public static class RecogniseCustomers
{
    public sealed record Claim(string? Name, string? Language, int? CountryId, IReadOnlyList<(IdentityKind Kind, string Value)> Identities, DateTimeOffset At);

    public sealed record Recognition(Customer? Customer, bool Recognised);

    /// <summary>An identity the database knows, with its customer.</summary>
    public sealed record KnownIdentity(IdentityKind Kind, string Value, Customer Customer);

    /// <summary>
    /// Who each contact is, plus what must be inserted: customers never seen (their ids still to allocate)
    /// and identities new to their customer. Known customers are tracked, so their updates are saved by EF.
    /// </summary>
    public sealed record Result(Recognition[] Recognitions, List<Customer> NewCustomers, List<(CustomerIdentity Identity, Customer Owner)> NewIdentities)
    {
        /// <summary>Known customers whose name, language or country this batch filled in.</summary>
        public List<Customer> Completed { get; } = [];
    }

    /// <remarks><paramref name="known"/>: the identities among the claims' values that the database holds, read beforehand with their customers.</remarks>
    public static async Task<Result> ExecuteAsync(ComptoirDbContext db, IReadOnlyList<Claim> claims, IReadOnlyList<KnownIdentity> known, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var owner = known.ToDictionary(i => (i.Kind, i.Value), i => i.Customer.Id);
        var customers = known.Select(i => i.Customer).DistinctBy(c => c.Id).ToDictionary(c => c.Id);

        // Identities claimed by customers created earlier in this batch.
        var fresh = new Dictionary<(IdentityKind, string), Customer>();
        var proposals = new HashSet<(long, long)>();
        var results = new Recognition[claims.Count];
        var newCustomers = new List<Customer>();
        var newIdentities = new List<(CustomerIdentity, Customer)>();
        var completed = new List<Customer>();

        for (var index = 0; index < claims.Count; index++)
        {
            var claim = claims[index];
            if (claim.Identities.Count == 0)
            {
                results[index] = new Recognition(null, false);
                continue;
            }

            var matches = new List<Customer>();
            foreach (var identity in claim.Identities)
            {
                var match = owner.TryGetValue(identity, out var id) && customers.TryGetValue(id, out var existing)
                    ? existing
                    : fresh.GetValueOrDefault(identity);
                if (match is not null && !matches.Contains(match))
                {
                    matches.Add(match);
                }
            }

            Customer customer;
            var recognised = matches.Count > 0;
            if (recognised)
            {
                customer = matches[0];
                foreach (var other in matches.Skip(1).Where(o => o.Id != 0 && customer.Id != 0))
                {
                    proposals.Add((Math.Min(customer.Id, other.Id), Math.Max(customer.Id, other.Id)));
                }
            }
            else
            {
                customer = new Customer { CreatedAt = claim.At, LastContactAt = claim.At, CountryId = claim.CountryId };
                newCustomers.Add(customer);
            }

            var incomplete = recognised && ((customer.DisplayName is null && claim.Name is not null)
                                            || (customer.Language is null && claim.Language is not null)
                                            || (customer.CountryId is null && claim.CountryId is not null));
            customer.DisplayName ??= claim.Name;
            customer.Language ??= claim.Language;
            customer.CountryId ??= claim.CountryId;
            if (claim.At > customer.LastContactAt)
            {
                customer.LastContactAt = claim.At;
            }

            if (incomplete && customer.Id != 0 && !completed.Contains(customer))
            {
                completed.Add(customer);
            }

            foreach (var identity in claim.Identities)
            {
                if (!owner.ContainsKey(identity) && !fresh.ContainsKey(identity))
                {
                    newIdentities.Add((new CustomerIdentity { Kind = identity.Kind, Value = identity.Value, AddedAt = now }, customer));
                    fresh[identity] = customer;
                }
            }

            results[index] = new Recognition(customer, recognised);
        }

        await ProposeAsync(db, proposals, now, cancellationToken);
        var result = new Result(results, newCustomers, newIdentities);
        result.Completed.AddRange(completed);
        return result;
    }

    private static async Task ProposeAsync(ComptoirDbContext db, HashSet<(long A, long B)> pairs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (pairs.Count == 0)
        {
            return;
        }

        var firsts = pairs.Select(p => p.A).Distinct().ToList();
        var existing = await db.DuplicateProposals.AsNoTracking()
            .Where(p => firsts.Contains(p.CustomerId))
            .Select(p => new { p.CustomerId, p.OtherCustomerId })
            .ToListAsync(cancellationToken);
        foreach (var (a, b) in pairs.Where(p => !existing.Any(e => e.CustomerId == p.A && e.OtherCustomerId == p.B)))
        {
            db.DuplicateProposals.Add(new DuplicateProposal
            {
                CustomerId = a,
                OtherCustomerId = b,
                Reason = CustomerLabels.SharedMessage,
                ProposedAt = now,
            });
        }
    }
}
