using System.ComponentModel.DataAnnotations;
using Comptoir.Features.Routing;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.Queues;

/// <summary>
/// An administrator adds or changes a queue: its activity and language, the sites it belongs to, and the two
/// thresholds between which it overflows to every other site trained for its activity and comes back.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A queue of waiting contacts is the business's own word.")]
public static class SaveQueue
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Saisissez le code de la file, par exemple ECOMMERCE_EN.")]
        [MaxLength(40, ErrorMessage = "Le code tient en 40 caractères au plus.")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Saisissez le nom de la file tel que les conseillers le verront.")]
        [MaxLength(120, ErrorMessage = "Le nom tient en 120 caractères au plus.")]
        public string Name { get; set; } = "";

        public int ActivityId { get; set; }

        /// <summary>Language an advisor must speak to take from the queue; empty for any.</summary>
        public string? Language { get; set; }

        [Range(1, 100_000, ErrorMessage = "Le seuil de débordement est un nombre de contacts en attente, de 1 à 100 000.")]
        public int OverflowAbove { get; set; } = 50;

        [Range(0, 100_000, ErrorMessage = "Le seuil de retour est un nombre de contacts en attente, de 0 à 100 000.")]
        public int OverflowBelow { get; set; } = 10;

        public List<int> HomeSiteIds { get; set; } = [];

        public static Request From(GetQueue.Response q) => new()
        {
            Code = q.Code,
            Name = q.Name,
            ActivityId = q.ActivityId,
            Language = q.Language,
            OverflowAbove = q.OverflowAbove,
            OverflowBelow = q.OverflowBelow,
            HomeSiteIds = [.. q.HomeSiteIds],
        };
    }

    public static async Task<Results<Created<GetQueue.Response>, ValidationProblem>> CreateAsync(
        Request request, ComptoirDbContext db, RoutingCatalog catalog, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        var (queue, errors) = await ExecuteAsync(db, catalog, t, null, request, cancellationToken);
        return queue is null
            ? TypedResults.ValidationProblem(errors, title: t["La file n'a pas été enregistrée."])
            : TypedResults.Created($"/api/setup/queues/{queue.Id}", (await GetQueue.QueryAsync(db, queue.Id, cancellationToken))!);
    }

    public static async Task<Results<Ok<GetQueue.Response>, NotFound, ValidationProblem>> UpdateAsync(
        int id, Request request, ComptoirDbContext db, RoutingCatalog catalog, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        if (!await db.Queues.AnyAsync(q => q.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var (queue, errors) = await ExecuteAsync(db, catalog, t, id, request, cancellationToken);
        return queue is null
            ? TypedResults.ValidationProblem(errors, title: t["La file n'a pas été enregistrée."])
            : TypedResults.Ok((await GetQueue.QueryAsync(db, queue.Id, cancellationToken))!);
    }

    /// <summary>What is wrong with the request beyond its attributes, field by field (empty when nothing is).</summary>
    public static async Task<Dictionary<string, string[]>> ValidateAsync(
        ComptoirDbContext db, IStringLocalizer<Texts> t, int? id, Request request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        var code = NormalizeCode(request.Code);
        if (code.Length > 0 && !code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            Fail(nameof(Request.Code), t["Le code ne contient que des lettres sans accent, des chiffres et _ (par exemple ECOMMERCE_EN)."]);
        }
        else if (code.Length > 0 && await db.Queues.AnyAsync(q => q.Code == code && q.Id != (id ?? 0), cancellationToken))
        {
            Fail(nameof(Request.Code), t["Une autre file a déjà le code {0}.", code]);
        }

        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == request.ActivityId).Select(a => new { a.Id, a.Name }).SingleOrDefaultAsync(cancellationToken);
        if (activity is null)
        {
            Fail(nameof(Request.ActivityId), t["Choisissez l'activité dont cette file reçoit les contacts."]);
        }
        else if (id is { } existing)
        {
            // Contacts of an activity with no queue could not be taken in at all.
            var previous = await db.Queues.Where(q => q.Id == existing).Select(q => q.ActivityId).SingleOrDefaultAsync(cancellationToken);
            if (previous != request.ActivityId && !await db.Queues.AnyAsync(q => q.ActivityId == previous && q.Id != existing, cancellationToken))
            {
                Fail(nameof(Request.ActivityId), t["C'est la seule file de son activité actuelle : créez d'abord une autre file pour cette activité, sinon ses contacts n'auraient plus de file."]);
            }
        }

        if (!string.IsNullOrWhiteSpace(request.Language) && LanguageCodes.Normalize(request.Language) is null)
        {
            Fail(nameof(Request.Language), t["Écrivez la langue en deux lettres (fr, en, es…), ou laissez vide pour toutes les langues."]);
        }

        if (request.OverflowBelow >= request.OverflowAbove)
        {
            Fail(nameof(Request.OverflowBelow), t["Le seuil de retour ({0}) doit être inférieur au seuil de débordement ({1}) : sinon la file déborderait et reviendrait sans cesse.", request.OverflowBelow, request.OverflowAbove]);
        }

        var siteIds = (request.HomeSiteIds ?? []).Distinct().ToList();
        if (siteIds.Count == 0)
        {
            Fail(nameof(Request.HomeSiteIds), t["Choisissez au moins un site d'attache : ce sont ses conseillers qui servent la file."]);
        }
        else if (activity is not null)
        {
            var sites = await db.ServiceSites.AsNoTracking()
                .Where(s => siteIds.Contains(s.Id))
                .Select(s => new { s.Id, s.Name, Trained = s.Activities.Any(a => a.ActivityId == activity.Id) })
                .ToListAsync(cancellationToken);
            var untrained = sites.Where(s => !s.Trained).Select(s => s.Name).ToList();
            if (sites.Count < siteIds.Count)
            {
                Fail(nameof(Request.HomeSiteIds), t["Un des sites choisis n'existe pas."]);
            }
            else if (untrained.Count > 0)
            {
                Fail(nameof(Request.HomeSiteIds), t["{0} ne traite pas l'activité {1} : choisissez des sites formés à cette activité.", string.Join(", ", untrained), activity.Name.Current]);
            }
        }

        return errors;
    }

    /// <summary>Creates (<paramref name="id"/> null) or changes the queue, or returns what is wrong field by field.</summary>
    public static async Task<(ServiceQueue? Queue, Dictionary<string, string[]> Errors)> ExecuteAsync(
        ComptoirDbContext db, RoutingCatalog catalog, IStringLocalizer<Texts> t, int? id, Request request, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(db, t, id, request, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var queue = id is { } existing
            ? await db.Queues.Include(q => q.HomeSites).SingleAsync(q => q.Id == existing, cancellationToken)
            : db.Queues.Add(new ServiceQueue { Code = "", Name = "" }).Entity;
        var siteIds = request.HomeSiteIds.Distinct().ToHashSet();
        queue.Code = NormalizeCode(request.Code);
        queue.Name = request.Name.Trim();
        queue.ActivityId = request.ActivityId;
        queue.Language = LanguageCodes.Normalize(request.Language);
        queue.OverflowAbove = request.OverflowAbove;
        queue.OverflowBelow = request.OverflowBelow;
        queue.HomeSites.RemoveAll(h => !siteIds.Contains(h.SiteId));
        var added = siteIds.Where(s => queue.HomeSites.All(h => h.SiteId != s)).Select(s => new QueueSite { SiteId = s }).ToList();
        queue.HomeSites.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);

        // This instance routes with the change at once; others within RoutingCatalog.MaxAge.
        catalog.Invalidate();
        return (queue, errors);
    }

    private static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();
}
