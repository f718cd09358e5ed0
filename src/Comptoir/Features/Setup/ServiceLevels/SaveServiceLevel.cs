using System.ComponentModel.DataAnnotations;
using Comptoir.Features.Conversations;
using Comptoir.Features.Routing;
using Comptoir.Features.ServiceLevels;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.ServiceLevels;

/// <summary>
/// An administrator adds or changes a service-level policy: for a channel, an activity, both or neither (the
/// default), the first-response and resolution targets in opening minutes, and how long before each deadline
/// the advisor is warned. New conversations get the new targets; deadlines already set stay as they were.
/// </summary>
public static class SaveServiceLevel
{
    /// <summary>A year of minutes: beyond it a target is a typing mistake.</summary>
    private const int MaxMinutes = 525_600;

    public sealed class Request
    {
        [Required(ErrorMessage = "Donnez un nom au délai, par exemple « E-mail carte de paiement ».")]
        [MaxLength(120, ErrorMessage = "Le nom tient en 120 caractères au plus.")]
        public string Name { get; set; } = "";

        public Channel? Channel { get; set; }

        public int? ActivityId { get; set; }

        [Range(1, MaxMinutes, ErrorMessage = "La première réponse se compte en minutes d'ouverture, de 1 à 525 600.")]
        public int FirstResponseMinutes { get; set; } = 240;

        [Range(1, MaxMinutes, ErrorMessage = "La résolution se compte en minutes d'ouverture, de 1 à 525 600.")]
        public int ResolutionMinutes { get; set; } = 2_880;

        [Range(0, MaxMinutes, ErrorMessage = "L'alerte se compte en minutes avant l'échéance, de 0 à 525 600.")]
        public int WarningMinutes { get; set; } = 30;

        public static Request From(GetServiceLevel.Response p) => new()
        {
            Name = p.Name,
            Channel = p.Channel,
            ActivityId = p.ActivityId,
            FirstResponseMinutes = p.FirstResponseMinutes,
            ResolutionMinutes = p.ResolutionMinutes,
            WarningMinutes = p.WarningMinutes,
        };
    }

    public static async Task<Results<Created<GetServiceLevel.Response>, ValidationProblem>> CreateAsync(
        Request request, ComptoirDbContext db, RoutingCatalog catalog, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        var (policy, errors) = await ExecuteAsync(db, catalog, t, null, request, cancellationToken);
        return policy is null
            ? TypedResults.ValidationProblem(errors, title: t["Le délai n'a pas été enregistré."])
            : TypedResults.Created($"/api/setup/service-levels/{policy.Id}", (await GetServiceLevel.QueryAsync(db, policy.Id, cancellationToken))!);
    }

    public static async Task<Results<Ok<GetServiceLevel.Response>, NotFound, ValidationProblem>> UpdateAsync(
        int id, Request request, ComptoirDbContext db, RoutingCatalog catalog, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        if (!await db.ServiceLevelPolicies.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var (policy, errors) = await ExecuteAsync(db, catalog, t, id, request, cancellationToken);
        return policy is null
            ? TypedResults.ValidationProblem(errors, title: t["Le délai n'a pas été enregistré."])
            : TypedResults.Ok((await GetServiceLevel.QueryAsync(db, policy.Id, cancellationToken))!);
    }

    /// <summary>What is wrong with the request beyond its attributes, field by field (empty when nothing is).</summary>
    public static async Task<Dictionary<string, string[]>> ValidateAsync(
        ComptoirDbContext db, IStringLocalizer<Texts> t, int? id, Request request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (request.ActivityId is { } activity && !await db.Activities.AnyAsync(a => a.Id == activity, cancellationToken))
        {
            Fail(nameof(Request.ActivityId), t["Cette activité n'existe pas : choisissez-en une dans la liste, ou aucune."]);
        }

        if (request.WarningMinutes >= request.FirstResponseMinutes)
        {
            Fail(nameof(Request.WarningMinutes), t["L'alerte ({0} min avant) doit tomber après l'arrivée du contact : mettez-la sous la première réponse ({1} min).", request.WarningMinutes, request.FirstResponseMinutes]);
        }

        if (request.FirstResponseMinutes > request.ResolutionMinutes)
        {
            Fail(nameof(Request.ResolutionMinutes), t["La résolution ({0} min) ne peut pas venir avant la première réponse ({1} min).", request.ResolutionMinutes, request.FirstResponseMinutes]);
        }

        // Two policies for the same channel and activity would leave the choice between them to chance.
        var twin = await db.ServiceLevelPolicies.AsNoTracking()
            .Where(p => p.Channel == request.Channel && p.ActivityId == request.ActivityId && p.Id != (id ?? 0))
            .Select(p => p.Name)
            .FirstOrDefaultAsync(cancellationToken);
        if (twin is not null)
        {
            Fail(nameof(Request.Channel), t["Le délai « {0} » couvre déjà ce canal et cette activité : modifiez-le plutôt.", twin]);
        }

        return errors;
    }

    /// <summary>Creates (<paramref name="id"/> null) or changes the policy, or returns what is wrong field by field.</summary>
    public static async Task<(ServiceLevelPolicy? Policy, Dictionary<string, string[]> Errors)> ExecuteAsync(
        ComptoirDbContext db, RoutingCatalog catalog, IStringLocalizer<Texts> t, int? id, Request request, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(db, t, id, request, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var policy = id is { } existing
            ? await db.ServiceLevelPolicies.SingleAsync(p => p.Id == existing, cancellationToken)
            : db.ServiceLevelPolicies.Add(new ServiceLevelPolicy { Name = "" }).Entity;
        policy.Name = request.Name.Trim();
        policy.Channel = request.Channel;
        policy.ActivityId = request.ActivityId;
        policy.FirstResponseMinutes = request.FirstResponseMinutes;
        policy.ResolutionMinutes = request.ResolutionMinutes;
        policy.WarningMinutes = request.WarningMinutes;
        await db.SaveChangesAsync(cancellationToken);

        // Deadlines of the next contacts on this instance use it at once; others within RoutingCatalog.MaxAge.
        catalog.Invalidate();
        return (policy, errors);
    }
}
