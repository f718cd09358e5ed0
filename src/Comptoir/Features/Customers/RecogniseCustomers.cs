using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Customers;

/// <summary>
/// Ties each incoming contact to a customer (decision 17). A contact is linked to an existing customer only by the
/// identity its channel proves (an SMS sender number, a signed network handle, an e-mail's From), when that customer
/// holds it as proven too. Values the customer typed never join an existing customer and never make a contact
/// recognised: a contact with no link gets a new customer, which keeps its typed values as unverified identities when
/// nobody holds them; a typed value that another customer holds becomes a proposal to merge the two, for an advisor.
/// A value held only as typed is taken over, with a merge proposal, by the first contact whose channel proves it.
/// Works on a batch with what the database knows of its identities (read with the batch's other lookups).
/// </summary>
public static class RecogniseCustomers
{
    public sealed record Claim(string? Name, string? Language, int? CountryId, IReadOnlyList<(IdentityKind Kind, string Value)> Identities, DateTimeOffset At)
    {
        /// <summary>The identity the contact's channel proves (one of <see cref="Identities"/>), if any.</summary>
        public (IdentityKind Kind, string Value)? Proven { get; init; }

        /// <summary>How strongly <see cref="Proven"/> is proven.</summary>
        public IdentityProof Proof { get; init; }

        /// <summary>The normalised value of the identity the channel proves well enough to link a customer (weak or better), if any.</summary>
        public string? ProvenValue => Proof >= IdentityProof.Weak ? Proven?.Value : null;

        /// <summary>The identities the customer gave that the channel did not prove.</summary>
        public IEnumerable<(IdentityKind Kind, string Value)> Given => Identities.Where(i => Proven is not { } p || p != i);
    }

    public sealed record Recognition(Customer? Customer, bool Recognised);

    /// <summary>An identity the database knows, with its customer.</summary>
    public sealed record KnownIdentity(long Id, IdentityKind Kind, string Value, IdentityProof Proof, Customer Customer);

    /// <summary>An identity to insert, and the customer it goes to (whose id may still be unknown).</summary>
    public sealed class NewIdentity(CustomerIdentity identity, Customer owner)
    {
        public CustomerIdentity Identity { get; } = identity;

        public Customer Owner { get; set; } = owner;
    }

    /// <summary>A stored identity this batch proved: its proof raised, or taken by the customer who proved it from one who had only typed it.</summary>
    public sealed record ProofUpdate(long IdentityId, Customer Owner, IdentityProof Proof, DateTimeOffset ProvenAt);

    /// <summary>Two customers an advisor should look at as one person, and why.</summary>
    public sealed record Proposal(Customer Customer, Customer Other, string Reason);

    /// <summary>
    /// Who each contact is, plus what must be written: customers never seen (their ids still to allocate), identities
    /// new to their customer, stored identities proved again, and merge proposals (written by <see cref="ProposeAsync"/>
    /// once new customers have their ids).
    /// </summary>
    public sealed record Result(Recognition[] Recognitions, List<Customer> NewCustomers, List<NewIdentity> NewIdentities)
    {
        /// <summary>Known customers whose name, language or country this batch filled in.</summary>
        public List<Customer> Completed { get; } = [];

        public List<ProofUpdate> ProofUpdates { get; } = [];

        public List<Proposal> Proposals { get; } = [];
    }

    /// <summary>Who holds a value while the batch is recognised: a stored identity or one this batch adds.</summary>
    private sealed class Holder(Customer customer, IdentityProof proof, long? storedId, NewIdentity? added)
    {
        public Customer Customer { get; set; } = customer;

        public IdentityProof Proof { get; set; } = proof;

        public long? StoredId { get; } = storedId;

        public NewIdentity? Added { get; } = added;
    }

    /// <remarks><paramref name="known"/>: the identities among the claims' values that the database holds, read beforehand with their customers.</remarks>
    public static Result Execute(IReadOnlyList<Claim> claims, IReadOnlyList<KnownIdentity> known, DateTimeOffset now)
    {
        // One instance per customer, so that a customer is recognised as the same whichever identity named it.
        var customers = new Dictionary<long, Customer>();
        var held = new Dictionary<(IdentityKind, string), Holder>();
        foreach (var identity in known)
        {
            var customer = customers.TryAdd(identity.Customer.Id, identity.Customer) ? identity.Customer : customers[identity.Customer.Id];
            held[(identity.Kind, identity.Value)] = new Holder(customer, identity.Proof, identity.Id, null);
        }

        var results = new Recognition[claims.Count];
        var result = new Result(results, [], []);
        var proposed = new HashSet<(Customer, Customer)>();

        for (var index = 0; index < claims.Count; index++)
        {
            var claim = claims[index];
            if (claim.Identities.Count == 0)
            {
                results[index] = new Recognition(null, false);
                continue;
            }

            var proven = claim.Proof >= IdentityProof.Weak ? claim.Proven : null;
            Customer? customer = null;
            Holder? typedBySomeone = null;
            if (proven is { } value && held.TryGetValue(value, out var holder))
            {
                if (holder.Proof >= IdentityProof.Weak)
                {
                    customer = holder.Customer;
                    if (claim.Proof > holder.Proof)
                    {
                        Prove(result, holder, customer, claim.Proof, claim.At);
                    }
                }
                else
                {
                    typedBySomeone = holder;
                }
            }

            var recognised = customer is not null;
            if (customer is null)
            {
                customer = new Customer { CreatedAt = claim.At, LastContactAt = claim.At, CountryId = claim.CountryId };
                result.NewCustomers.Add(customer);
            }

            Complete(result, customer, claim, recognised);

            if (typedBySomeone is not null)
            {
                // Whoever proves a value owns it; the customer who had only typed it may be the same person.
                Propose(result, proposed, customer, typedBySomeone.Customer, CustomerLabels.ProvenTypedValue);
                Prove(result, typedBySomeone, customer, claim.Proof, claim.At);
            }

            foreach (var identity in claim.Identities)
            {
                var isProven = proven == identity;
                if (held.TryGetValue(identity, out var other))
                {
                    if (!ReferenceEquals(other.Customer, customer))
                    {
                        Propose(result, proposed, customer, other.Customer, CustomerLabels.GivenValueOfOther);
                    }
                }
                else if (isProven || !recognised)
                {
                    // A typed value never joins an existing customer; it may start a new one, unverified.
                    var added = new NewIdentity(
                        new CustomerIdentity
                        {
                            Kind = identity.Kind,
                            Value = identity.Value,
                            AddedAt = now,
                            Proof = isProven ? claim.Proof : IdentityProof.Unverified,
                            ProvenAt = isProven ? claim.At : null,
                        },
                        customer);
                    result.NewIdentities.Add(added);
                    held[identity] = new Holder(customer, added.Identity.Proof, null, added);
                }
            }

            results[index] = new Recognition(customer, recognised);
        }

        return result;
    }

    /// <summary>
    /// Writes the batch's merge proposals (tracked, saved with the batch) once new customers have their ids; a pair
    /// already proposed, resolved or not, is not proposed again.
    /// </summary>
    public static async Task ProposeAsync(ComptoirDbContext db, IReadOnlyList<Proposal> proposals, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (proposals.Count == 0)
        {
            return;
        }

        var pairs = proposals
            .Select(p => (A: Math.Min(p.Customer.Id, p.Other.Id), B: Math.Max(p.Customer.Id, p.Other.Id), p.Reason))
            .Where(p => p.A != p.B)
            .DistinctBy(p => (p.A, p.B))
            .ToList();
        var firsts = pairs.Select(p => p.A).Distinct().ToList();
        var existing = await db.DuplicateProposals.AsNoTracking()
            .Where(p => firsts.Contains(p.CustomerId))
            .Select(p => new { p.CustomerId, p.OtherCustomerId })
            .ToListAsync(cancellationToken);
        foreach (var (a, b, reason) in pairs.Where(p => !existing.Any(e => e.CustomerId == p.A && e.OtherCustomerId == p.B)))
        {
            db.DuplicateProposals.Add(new DuplicateProposal { CustomerId = a, OtherCustomerId = b, Reason = reason, ProposedAt = now });
        }
    }

    private static void Prove(Result result, Holder holder, Customer owner, IdentityProof proof, DateTimeOffset at)
    {
        holder.Customer = owner;
        holder.Proof = proof;
        if (holder.Added is { } added)
        {
            added.Owner = owner;
            added.Identity.Proof = proof;
            added.Identity.ProvenAt = at;
        }
        else
        {
            result.ProofUpdates.RemoveAll(u => u.IdentityId == holder.StoredId);
            result.ProofUpdates.Add(new ProofUpdate(holder.StoredId!.Value, owner, proof, at));
        }
    }

    private static void Propose(Result result, HashSet<(Customer, Customer)> proposed, Customer customer, Customer other, string reason)
    {
        if (proposed.Add((customer, other)) && proposed.Add((other, customer)))
        {
            result.Proposals.Add(new Proposal(customer, other, reason));
        }
    }

    /// <summary>Fills what the customer's record lacks (name, language, country) and moves their last contact on.</summary>
    private static void Complete(Result result, Customer customer, Claim claim, bool recognised)
    {
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

        if (incomplete && customer.Id != 0 && !result.Completed.Contains(customer))
        {
            result.Completed.Add(customer);
        }
    }
}
