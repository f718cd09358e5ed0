using Comptoir.Features.Customers;
using Comptoir.Features.Routing;
using Comptoir.Platform.Text;

namespace Comptoir.Features.Conversations.Ingestion;

/// <summary>
/// Who a contact says it is, as recognition reads it: its identities normalised with the calling code of its
/// country (or its store's), the one its channel proves first, and its sender's name without invisible controls.
/// </summary>
internal static class ContactClaims
{
    public static RecogniseCustomers.Claim Of(InboundContact contact, RoutingCatalog.Snapshot routing)
    {
        var country = contact.CountryId
                      ?? (contact.StoreId is { } store && routing.Stores.TryGetValue(store, out var info) ? info.CountryId : (int?)null);
        var callingCode = country is { } c && routing.Countries.TryGetValue(c, out var countryInfo) ? countryInfo.CallingCode : "33";
        var identities = contact.Identities
            .Select(i => (i.Kind, Value: IdentityValue.Normalize(i.Kind, i.Value, callingCode)))
            .Where(i => i.Value is not null)
            .Select(i => (i.Kind, i.Value!))
            .Distinct()
            .ToList();
        var proven = contact.Proven is { } p && IdentityValue.Normalize(p.Kind, p.Value, callingCode) is { } value ? (p.Kind, value) : ((IdentityKind, string)?)null;
        if (proven is { } known && !identities.Contains(known))
        {
            identities.Insert(0, known);
        }

        return new RecogniseCustomers.Claim(DisplayNames.Clean(contact.CustomerName), contact.Language, country, identities, contact.At)
        {
            Proven = proven,
            Proof = proven is null ? IdentityProof.Unverified : contact.Proven!.Value.Proof,
        };
    }
}
