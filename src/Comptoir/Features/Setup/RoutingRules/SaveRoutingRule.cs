using System.ComponentModel.DataAnnotations;
using Comptoir.Features.Conversations;
using Comptoir.Features.Routing;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.RoutingRules;

/// <summary>
/// An administrator adds or changes a routing rule: which contacts (channel, activity, language, country,
/// store; an empty criterion matches anything) go to which queue. A new rule is tried last; moving it up
/// lets it win over the rules above. A rule with no criterion at all would take every contact that reaches
/// it, so it is saved only when the administrator confirms that this is meant.
/// </summary>
public static class SaveRoutingRule
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Donnez un nom à la règle, qui dise pourquoi elle existe.")]
        [MaxLength(120, ErrorMessage = "Le nom tient en 120 caractères au plus.")]
        public string Name { get; set; } = "";

        public Channel? Channel { get; set; }

        public int? ActivityId { get; set; }

        public string? Language { get; set; }

        public int? CountryId { get; set; }

        public int? StoreId { get; set; }

        public int QueueId { get; set; }

        public bool Enabled { get; set; } = true;

        /// <summary>The administrator knows the rule has no criterion and wants it to catch everything that reaches it.</summary>
        public bool ConfirmCatchAll { get; set; }

        public bool HasNoCriterion() =>
            Channel is null && ActivityId is null && string.IsNullOrWhiteSpace(Language) && CountryId is null && StoreId is null;

        /// <summary>The form for an existing rule; a rule saved without criterion was confirmed when it was saved.</summary>
        public static Request From(GetRoutingRule.Response r)
        {
            var request = new Request
            {
                Name = r.Name,
                Channel = r.Channel,
                ActivityId = r.ActivityId,
                Language = r.Language,
                CountryId = r.CountryId,
                StoreId = r.StoreId,
                QueueId = r.QueueId,
                Enabled = r.Enabled,
            };
            request.ConfirmCatchAll = request.HasNoCriterion();
            return request;
        }
    }

    public static async Task<Results<Created<GetRoutingRule.Response>, ValidationProblem>> CreateAsync(
        Request request, ComptoirDbContext db, RoutingCatalog catalog, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        var (rule, errors) = await ExecuteAsync(db, catalog, t, null, request, cancellationToken);
        return rule is null
            ? TypedResults.ValidationProblem(errors, title: t["La règle n'a pas été enregistrée."])
            : TypedResults.Created($"/api/setup/routing-rules/{rule.Id}", (await GetRoutingRule.QueryAsync(db, rule.Id, cancellationToken))!);
    }

    public static async Task<Results<Ok<GetRoutingRule.Response>, NotFound, ValidationProblem>> UpdateAsync(
        int id, Request request, ComptoirDbContext db, RoutingCatalog catalog, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        if (!await db.RoutingRules.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var (rule, errors) = await ExecuteAsync(db, catalog, t, id, request, cancellationToken);
        return rule is null
            ? TypedResults.ValidationProblem(errors, title: t["La règle n'a pas été enregistrée."])
            : TypedResults.Ok((await GetRoutingRule.QueryAsync(db, rule.Id, cancellationToken))!);
    }

    /// <summary>What is wrong with the request beyond its attributes, field by field (empty when nothing is).</summary>
    public static async Task<Dictionary<string, string[]>> ValidateAsync(
        ComptoirDbContext db, IStringLocalizer<Texts> t, Request request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (!await db.Queues.AnyAsync(q => q.Id == request.QueueId, cancellationToken))
        {
            Fail(nameof(Request.QueueId), t["Choisissez la file où envoyer les contacts : celle-ci n'existe pas."]);
        }

        if (request.ActivityId is { } activity && !await db.Activities.AnyAsync(a => a.Id == activity, cancellationToken))
        {
            Fail(nameof(Request.ActivityId), t["Cette activité n'existe pas : choisissez-en une dans la liste, ou aucune."]);
        }

        if (!string.IsNullOrWhiteSpace(request.Language) && LanguageCodes.Normalize(request.Language) is null)
        {
            Fail(nameof(Request.Language), t["Écrivez la langue en deux lettres (fr, en, es…), ou laissez vide pour toutes les langues."]);
        }

        if (request.CountryId is { } country && !await db.Countries.AnyAsync(c => c.Id == country, cancellationToken))
        {
            Fail(nameof(Request.CountryId), t["Ce pays n'existe pas : choisissez-en un dans la liste, ou aucun."]);
        }

        if (request.StoreId is { } storeId)
        {
            var store = await db.Stores.AsNoTracking().Where(s => s.Id == storeId).Select(s => new { s.CountryId }).SingleOrDefaultAsync(cancellationToken);
            if (store is null)
            {
                Fail(nameof(Request.StoreId), t["Ce magasin n'existe pas : choisissez-en un dans la liste, ou aucun."]);
            }
            else if (request.CountryId is { } chosen && chosen != store.CountryId)
            {
                Fail(nameof(Request.StoreId), t["Ce magasin n'est pas dans le pays choisi : la règle ne s'appliquerait jamais. Retirez le pays ou changez de magasin."]);
            }
        }

        if (request.HasNoCriterion() && !request.ConfirmCatchAll)
        {
            Fail(nameof(Request.ConfirmCatchAll), t["Cette règle n'a aucun critère : elle enverrait vers sa file tous les contacts qui l'atteignent. Ajoutez un critère, ou confirmez que c'est voulu."]);
        }

        return errors;
    }

    /// <summary>Creates (<paramref name="id"/> null, tried last) or changes the rule, or returns what is wrong field by field.</summary>
    public static async Task<(RoutingRule? Rule, Dictionary<string, string[]> Errors)> ExecuteAsync(
        ComptoirDbContext db, RoutingCatalog catalog, IStringLocalizer<Texts> t, int? id, Request request, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(db, t, request, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        RoutingRule rule;
        if (id is { } existing)
        {
            rule = await db.RoutingRules.SingleAsync(r => r.Id == existing, cancellationToken);
        }
        else
        {
            var last = await db.RoutingRules.MaxAsync(r => (int?)r.Order, cancellationToken) ?? 0;
            rule = db.RoutingRules.Add(new RoutingRule { Name = "", Order = last + MoveRoutingRule.Step }).Entity;
        }

        rule.Name = request.Name.Trim();
        rule.Channel = request.Channel;
        rule.ActivityId = request.ActivityId;
        rule.Language = LanguageCodes.Normalize(request.Language);
        rule.CountryId = request.CountryId;
        rule.StoreId = request.StoreId;
        rule.QueueId = request.QueueId;
        rule.Enabled = request.Enabled;
        await db.SaveChangesAsync(cancellationToken);

        // This instance routes with the change at once; others within RoutingCatalog.MaxAge.
        catalog.Invalidate();
        return (rule, errors);
    }
}
