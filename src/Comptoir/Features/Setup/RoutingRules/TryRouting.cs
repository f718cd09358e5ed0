using Comptoir.Features.Conversations;
using Comptoir.Features.Routing;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.RoutingRules;

/// <summary>
/// Which queue a contact would go to, and by which rule, asked of the very routing the intake uses
/// (<see cref="RoutingCatalog.Snapshot.RouteQueue"/>), so that an administrator checks a rule before relying on
/// it. Country and language are completed as the intake completes them: the store's country, the country's
/// language.
/// </summary>
public static class TryRouting
{
    public sealed class Request
    {
        public Channel Channel { get; set; } = Channel.Email;

        public int ActivityId { get; set; }

        public string? Language { get; set; }

        public int? CountryId { get; set; }

        public int? StoreId { get; set; }
    }

    /// <summary>The queue chosen; the rule that chose it, or none when the activity's default queue takes the contact.</summary>
    public sealed record Response(int QueueId, string QueueCode, string QueueName, int? RuleId, string? RuleName, int? RulePosition, string Language, int? CountryId);

    public static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        Channel channel, int activityId, string? language, int? countryId, int? storeId,
        ComptoirDbContext db, RoutingCatalog catalog, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        var request = new Request { Channel = channel, ActivityId = activityId, Language = language, CountryId = countryId, StoreId = storeId };
        var (response, errors) = await ExecuteAsync(db, catalog, t, request, cancellationToken);
        return response is null ? TypedResults.ValidationProblem(errors, title: t["Impossible de dire où irait ce contact."]) : TypedResults.Ok(response);
    }

    public static async Task<(Response? Response, Dictionary<string, string[]> Errors)> ExecuteAsync(
        ComptoirDbContext db, RoutingCatalog catalog, IStringLocalizer<Texts> t, Request request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var routing = await catalog.GetAsync(cancellationToken);
        if (!routing.ActivityByCode.Values.Contains(request.ActivityId))
        {
            errors[nameof(Request.ActivityId)] = [t["Choisissez l'activité du contact."]];
        }

        RoutingCatalog.StoreInfo? store = null;
        if (request.StoreId is { } storeId && !routing.Stores.TryGetValue(storeId, out store))
        {
            errors[nameof(Request.StoreId)] = [t["Ce magasin n'existe pas : choisissez-en un dans la liste, ou aucun."]];
        }

        if (request.CountryId is { } chosen && !routing.Countries.ContainsKey(chosen))
        {
            errors[nameof(Request.CountryId)] = [t["Ce pays n'existe pas : choisissez-en un dans la liste, ou aucun."]];
        }

        if (!string.IsNullOrWhiteSpace(request.Language) && LanguageCodes.Normalize(request.Language) is null)
        {
            errors[nameof(Request.Language)] = [t["Écrivez la langue en deux lettres (fr, en, es…), ou laissez vide pour toutes les langues."]];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var countryId = request.CountryId ?? store?.CountryId;
        var language = LanguageCodes.Normalize(request.Language)
                       ?? (countryId is { } country ? routing.Countries[country].Language : null)
                       ?? "fr";
        int queueId;
        try
        {
            queueId = routing.RouteQueue(request.Channel, request.ActivityId, language, countryId, request.StoreId);
        }
        catch (InvalidOperationException)
        {
            errors[nameof(Request.ActivityId)] = [t["Aucune file ne sert cette activité : ses contacts seraient refusés. Créez une file pour elle."]];
            return (null, errors);
        }

        var rule = routing.MatchingRule(request.Channel, request.ActivityId, language, countryId, request.StoreId);
        var queueName = await db.Queues.AsNoTracking().Where(q => q.Id == queueId).Select(q => q.Name).SingleOrDefaultAsync(cancellationToken);
        int? position = null;
        if (rule is not null)
        {
            var order = await db.RoutingRules.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
            position = order.IndexOf(rule.Id) + 1;
        }

        return (new Response(queueId, routing.Queues[queueId].Code, queueName ?? routing.Queues[queueId].Code, rule?.Id, rule?.Name, position, language, countryId), errors);
    }
}
