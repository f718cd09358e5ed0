using Comptoir.Features.Conversations;
using Comptoir.Features.Routing;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.RoutingRules;

/// <summary>
/// What a routing rule catches, in a sentence ("the contacts whose channel is e-mail and whose store is H001"),
/// so that an administrator reading the ordered list sees which rule shadows which.
/// </summary>
public sealed class RuleWording(
    IReadOnlyDictionary<int, string> activities,
    IReadOnlyDictionary<int, string> countries,
    IReadOnlyDictionary<int, string> stores,
    IReadOnlyDictionary<int, string> queues,
    IStringLocalizer<Texts> t)
{
    public static async Task<RuleWording> LoadAsync(ComptoirDbContext db, IEnumerable<RoutingRule> rules, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        var storeIds = rules.Where(r => r.StoreId is not null).Select(r => r.StoreId!.Value).Distinct().ToList();
        var activities = await db.Activities.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var stores = await db.Stores.AsNoTracking().Where(s => storeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Code + " · " + s.Name, cancellationToken);
        var queues = await db.Queues.AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.Name, cancellationToken);
        return new RuleWording(
            activities.ToDictionary(a => a.Key, a => a.Value.Current),
            countries.ToDictionary(c => c.Key, c => c.Value.Current),
            stores,
            queues,
            t);
    }

    public string Queue(int id) => queues.GetValueOrDefault(id) ?? t["File {0} introuvable", id];

    public string Matches(Channel? channel, int? activityId, string? language, int? countryId, int? storeId)
    {
        var parts = new List<string>();
        if (channel is { } c)
        {
            parts.Add(t["le canal est {0}", t[ConversationLabels.Of(c)].Value]);
        }

        if (activityId is { } activity)
        {
            parts.Add(t["l'activité est {0}", activities.GetValueOrDefault(activity) ?? activity.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (language is not null)
        {
            parts.Add(t["la langue est {0}", LanguageCodes.Label(language)]);
        }

        if (countryId is { } country)
        {
            parts.Add(t["le pays est {0}", countries.GetValueOrDefault(country) ?? country.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (storeId is { } store)
        {
            parts.Add(t["le magasin est {0}", stores.GetValueOrDefault(store) ?? store.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        return parts.Count switch
        {
            0 => t["Tous les contacts, sans condition."],
            1 => t["Les contacts dont {0}.", parts[0]],
            _ => t["Les contacts dont {0} et {1}.", string.Join(", ", parts[..^1]), parts[^1]],
        };
    }
}
